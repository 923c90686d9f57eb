namespace TrainingOrchestration.Tasks.Evaluation;

/// <summary>Where a candidate's metrics came from, best first (the <c>metricsSource</c> of the evaluation result).</summary>
public static class MetricsSource
{
    public const string TestSplit = "test-split";
    public const string TrainingJob = "training-job";
    public const string ModelArtifact = "model-artifact";
    public const string None = "none";
}
