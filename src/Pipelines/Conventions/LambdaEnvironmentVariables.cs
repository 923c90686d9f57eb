namespace TrainingOrchestration.Pipelines.Conventions;

/// <summary>
/// The environment variables the task Lambdas read (WORKFLOW.md "Names"): the stack sets them, the handlers bind them
/// once into their options, and the local runtime sets the same names when it invokes them.
/// </summary>
public static class LambdaEnvironmentVariables
{
    public const string TableName = "TABLE_NAME";
    public const string BucketName = "BUCKET_NAME";
    public const string PipelineName = "PIPELINE_NAME";
    /// <summary>The pipeline spec as compact JSON (see <see cref="Config.PipelineConfigJson"/>).</summary>
    public const string PipelineConfig = "PIPELINE_CONFIG";
    public const string MetricsNamespace = "METRICS_NAMESPACE";

    // Set by Lambda itself (https://docs.aws.amazon.com/lambda/latest/dg/configuration-envvars.html#configuration-envvars-runtime).
    public const string Region = "AWS_REGION";
    public const string DefaultRegion = "AWS_DEFAULT_REGION";
    public const string FunctionName = "AWS_LAMBDA_FUNCTION_NAME";
    public const string FunctionMemorySize = "AWS_LAMBDA_FUNCTION_MEMORY_SIZE";

    /// <summary>The function's <c>LoggingConfig.LogFormat</c> (Text or JSON), as the runtime reads it.</summary>
    public const string LogFormat = "AWS_LAMBDA_LOG_FORMAT";
    public const string AccessKeyId = "AWS_ACCESS_KEY_ID";
    public const string SecretAccessKey = "AWS_SECRET_ACCESS_KEY";
    /// <summary>Set by Lambda's advanced logging controls: TRACE, DEBUG, INFO, WARN, ERROR or FATAL.</summary>
    public const string LogLevel = "AWS_LAMBDA_LOG_LEVEL";

    /// <summary>The names the stack sets and the handlers require, for checks that none is retyped elsewhere.</summary>
    public static readonly IReadOnlyList<string> Stack = [TableName, BucketName, PipelineName, PipelineConfig, MetricsNamespace];
}
