using System.Text.Json.Serialization;
using TrainingOrchestration.Tasks.Json;

namespace TrainingOrchestration.Tasks.Events;

/// <summary>
/// Detail of "SageMaker Training Job State Change" (the DescribeTrainingJob shape). Times arrive as epoch-ms numbers
/// or, in AWS's own documented sample, as strings of epoch-ms; both are read.
/// </summary>
public sealed record SageMakerTrainingJobStateChange
{
    [JsonPropertyName("TrainingJobName")] public string? TrainingJobName { get; init; }
    [JsonPropertyName("TrainingJobArn")] public string? TrainingJobArn { get; init; }
    /// <summary>InProgress, Completed, Failed, Stopping, Stopped.</summary>
    [JsonPropertyName("TrainingJobStatus")] public string? TrainingJobStatus { get; init; }
    [JsonPropertyName("SecondaryStatus")] public string? SecondaryStatus { get; init; }
    [JsonPropertyName("FailureReason")] public string? FailureReason { get; init; }
    [JsonPropertyName("HyperParameters")] public IReadOnlyDictionary<string, string>? HyperParameters { get; init; }
    [JsonPropertyName("ModelArtifacts")] public ModelArtifacts? ModelArtifacts { get; init; }
    [JsonPropertyName("OutputDataConfig")] public OutputDataConfig? OutputDataConfig { get; init; }
    [JsonPropertyName("FinalMetricDataList")] public IReadOnlyList<FinalMetric>? FinalMetricDataList { get; init; }

    [JsonPropertyName("CreationTime"), JsonConverter(typeof(FlexibleTimestampConverter))]
    public DateTimeOffset? CreationTime { get; init; }

    [JsonPropertyName("TrainingStartTime"), JsonConverter(typeof(FlexibleTimestampConverter))]
    public DateTimeOffset? TrainingStartTime { get; init; }

    [JsonPropertyName("TrainingEndTime"), JsonConverter(typeof(FlexibleTimestampConverter))]
    public DateTimeOffset? TrainingEndTime { get; init; }

    [JsonPropertyName("LastModifiedTime"), JsonConverter(typeof(FlexibleTimestampConverter))]
    public DateTimeOffset? LastModifiedTime { get; init; }
}
