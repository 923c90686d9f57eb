using System.Text.Json.Serialization;

namespace TrainingOrchestration.Tasks.Evaluation;

/// <summary>One threshold checked against the candidate; <see cref="Observed"/> is null when the metric is unavailable.</summary>
public sealed record ThresholdResult
{
    [JsonPropertyName("metric")] public required string Metric { get; init; }

    [JsonPropertyName("min"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public double? Min { get; init; }

    [JsonPropertyName("max"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public double? Max { get; init; }

    [JsonPropertyName("observed")] public double? Observed { get; init; }
    [JsonPropertyName("passed")] public required bool Passed { get; init; }
}
