using System.Text.Json.Serialization;
using TrainingOrchestration.Tasks.Events;
using TrainingOrchestration.Tasks.Json;

namespace TrainingOrchestration.Tasks.Evaluation;

/// <summary>
/// The training job as <c>WaitForTrainingJob</c> returns it:
/// <c>{TrainingJobName, TrainingJobStatus, ModelArtifacts: {S3ModelArtifacts}, FinalMetricDataList, TrainingEndTime}</c>;
/// <c>TrainingStartTime</c> is read when present to report the training duration.
/// </summary>
public sealed record TrainingJobResult
{
    [JsonPropertyName("TrainingJobName")] public string? TrainingJobName { get; init; }
    [JsonPropertyName("TrainingJobStatus")] public string? TrainingJobStatus { get; init; }
    [JsonPropertyName("ModelArtifacts")] public ModelArtifacts? ModelArtifacts { get; init; }
    [JsonPropertyName("FinalMetricDataList")] public IReadOnlyList<FinalMetric>? FinalMetricDataList { get; init; }

    [JsonPropertyName("TrainingStartTime"), JsonConverter(typeof(FlexibleTimestampConverter))]
    public DateTimeOffset? TrainingStartTime { get; init; }

    [JsonPropertyName("TrainingEndTime"), JsonConverter(typeof(FlexibleTimestampConverter))]
    public DateTimeOffset? TrainingEndTime { get; init; }

    /// <summary>Usage the event detail carries (the DescribeTrainingJob shape), for the cost estimate.</summary>
    [JsonPropertyName("TrainingTimeInSeconds")] public int? TrainingTimeInSeconds { get; init; }
    [JsonPropertyName("BillableTimeInSeconds")] public int? BillableTimeInSeconds { get; init; }
    [JsonPropertyName("ResourceConfig")] public TrainingResourceConfig? ResourceConfig { get; init; }
}
