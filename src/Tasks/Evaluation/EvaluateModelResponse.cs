using System.Text.Json.Serialization;

namespace TrainingOrchestration.Tasks.Evaluation;

/// <summary>
/// Result of <c>EvaluateCandidate</c> at <c>$.evaluation</c> (WORKFLOW.md step 10). <see cref="ExpectedChampionRunId"/>
/// is the champion the decision was made against ("none" before the first promotion): <c>PromoteCandidate</c>'s
/// conditional write succeeds only if it is still the champion. <see cref="PrimaryMetric"/> and
/// <see cref="Artifact"/> are extra members for the promote path (champion item, approved copy).
/// </summary>
public sealed record EvaluateModelResponse
{
    [JsonPropertyName("decision")] public required string Decision { get; init; }
    [JsonPropertyName("reason")] public required string Reason { get; init; }
    [JsonPropertyName("metrics")] public required IReadOnlyDictionary<string, double> Metrics { get; init; }
    /// <summary>test-split, training-job, model-artifact, or none.</summary>
    [JsonPropertyName("metricsSource")] public required string MetricsSource { get; init; }
    [JsonPropertyName("thresholds")] public required IReadOnlyList<ThresholdResult> Thresholds { get; init; }
    [JsonPropertyName("champion")] public ChampionSummary? Champion { get; init; }
    [JsonPropertyName("expectedChampionRunId")] public required string ExpectedChampionRunId { get; init; }
    [JsonPropertyName("primaryMetric")] public required string PrimaryMetric { get; init; }
    [JsonPropertyName("artifact")] public string? Artifact { get; init; }
    /// <summary>s3:// URI of the model quality statistics (<see cref="ModelQualityReport"/>) the model package's ModelMetrics names.</summary>
    [JsonPropertyName("modelMetricsUri")] public string? ModelMetricsUri { get; init; }
}
