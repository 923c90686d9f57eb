namespace TrainingOrchestration.Pipelines.Conventions;

/// <summary>
/// What SageMaker publishes for a real-time endpoint in CloudWatch (namespace <c>AWS/SageMaker</c>, dimensions
/// <c>EndpointName</c> and <c>VariantName</c>; https://docs.aws.amazon.com/sagemaker/latest/dg/monitoring-cloudwatch.html):
/// the deployment's rollback alarms watch them, and the local endpoint stand-in publishes them.
/// </summary>
public static class EndpointMetrics
{
    public const string Namespace = "AWS/SageMaker";

    /// <summary>Requests sent to the variant (Sum).</summary>
    public const string Invocations = "Invocations";

    /// <summary>Requests the model answered with a 5xx status (Sum).</summary>
    public const string Invocation5xxErrors = "Invocation5XXErrors";

    /// <summary>Time the model took to answer, in microseconds (Average).</summary>
    public const string ModelLatency = "ModelLatency";

    public const string EndpointNameDimension = "EndpointName";
    public const string VariantNameDimension = "VariantName";

    /// <summary>The stack's rollback alarm on the variant's 5xx errors.</summary>
    public static string ErrorsAlarm(string pipeline) => $"{pipeline}-endpoint-5xx-errors";

    /// <summary>The stack's rollback alarm on the variant's model latency.</summary>
    public static string LatencyAlarm(string pipeline) => $"{pipeline}-endpoint-model-latency";

    /// <summary>Every alarm a deployment of <paramref name="pipeline"/> watches: the stack's two, then the spec's own.</summary>
    public static IReadOnlyList<string> RollbackAlarms(string pipeline, IEnumerable<string> extra) =>
        [ErrorsAlarm(pipeline), LatencyAlarm(pipeline), .. extra];
}
