namespace TrainingOrchestration.LocalRuntime.Faults;

/// <summary>
/// How one Step Functions integration names a service error. Step Functions reports the AWS SDK's exception class: a code
/// the SDK models keeps its class name (<c>SageMaker.ResourceLimitExceededException</c>), any other code — throttling
/// and internal errors among them — is the service's base exception, with the code in the cause. The optimized
/// integrations (<c>arn:aws:states:::&lt;service&gt;:&lt;action&gt;</c>) use the SDK for Java 1.x (base
/// <c>SageMaker.AmazonSageMakerException</c>, cause <c>Rate exceeded (Service: AmazonSageMaker; Status Code: 400; Error Code:
/// ThrottlingException; Request ID: …; Proxy: null)</c>); the AWS SDK integrations (<c>aws-sdk:&lt;service&gt;:*</c>) the SDK
/// for Java 2.x (base <c>SageMaker.SageMakerException</c>, cause <c>… (Service: SageMaker, Status Code: 400, Request ID: …)</c>),
/// always with the Exception suffix. The table with the AWS page per row is in src/StateMachine/WORKFLOW.md ("Error names").
/// </summary>
/// <param name="Prefix">The error name's prefix (<c>SageMaker</c>, <c>Glue</c>, <c>DynamoDB</c>, <c>DynamoDb</c>...).</param>
/// <param name="ServiceName">The service name in the cause (<c>AmazonSageMaker</c>, <c>AWSGlue</c>, <c>S3</c>...).</param>
/// <param name="BaseException">The SDK's base exception class, named for unmodelled codes.</param>
/// <param name="Modeled">Service error codes the SDK models, mapped to their exception class name.</param>
/// <param name="SdkV2">True for AWS SDK integrations (SDK 2.x cause shape), false for optimized ones (SDK 1.x).</param>
public sealed record IntegrationErrors(string Prefix, string ServiceName, string BaseException, IReadOnlyDictionary<string, string> Modeled, bool SdkV2 = false)
{
    public string NameOf(string code) => $"{Prefix}.{(Modeled.TryGetValue(code, out var modeled) ? modeled : BaseException)}";

    public string CauseOf(string code, string message, int statusCode) => SdkV2
        ? $"{message} (Service: {ServiceName}, Status Code: {statusCode}, Request ID: {Guid.NewGuid()})"
        : $"{message} (Service: {ServiceName}; Status Code: {statusCode}; Error Code: {code}; Request ID: {Guid.NewGuid()}; Proxy: null)";

    /// <summary>Every error name this integration can report: the modelled classes and the base exception.</summary>
    public IEnumerable<string> Names => Modeled.Values.Append(BaseException).Distinct(StringComparer.Ordinal).Select(n => $"{Prefix}.{n}");

    /// <summary>Codes that are their class name (each already ends in Exception).</summary>
    public static IReadOnlyDictionary<string, string> Same(params string[] codes) => codes.ToDictionary(c => c, c => c, StringComparer.Ordinal);

    /// <summary>Codes without the suffix (SageMaker's <c>ResourceLimitExceeded</c>), whose class adds <c>Exception</c>.</summary>
    public static IReadOnlyDictionary<string, string> Suffixed(params string[] codes) => codes.ToDictionary(c => c, c => c + "Exception", StringComparer.Ordinal);

    /// <summary>Both kinds in one map.</summary>
    public static IReadOnlyDictionary<string, string> Of(IReadOnlyDictionary<string, string> a, IReadOnlyDictionary<string, string> b) =>
        a.Concat(b).ToDictionary(p => p.Key, p => p.Value, StringComparer.Ordinal);
}
