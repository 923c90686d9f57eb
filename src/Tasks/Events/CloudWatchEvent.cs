using System.Text.Json.Serialization;
using TrainingOrchestration.Tasks.Json;

namespace TrainingOrchestration.Tasks.Events;

/// <summary>
/// The EventBridge envelope, one type for every event; <typeparamref name="TDetail"/> is the record for the
/// detail type (<see cref="SageMakerTrainingJobStateChange"/>, <see cref="GlueJobStateChange"/>,
/// <see cref="S3ObjectCreated"/>, <see cref="ScheduledEventDetail"/>, <see cref="TableChange"/>).
/// </summary>
public sealed record CloudWatchEvent<TDetail>
{
    [JsonPropertyName("version")] public string? Version { get; init; }
    [JsonPropertyName("id")] public string? Id { get; init; }
    [JsonPropertyName("detail-type")] public string? DetailType { get; init; }
    [JsonPropertyName("source")] public string? Source { get; init; }
    [JsonPropertyName("account")] public string? Account { get; init; }

    [JsonPropertyName("time"), JsonConverter(typeof(FlexibleTimestampConverter))]
    public DateTimeOffset? Time { get; init; }

    [JsonPropertyName("region")] public string? Region { get; init; }
    [JsonPropertyName("resources")] public IReadOnlyList<string> Resources { get; init; } = [];
    [JsonPropertyName("detail")] public TDetail? Detail { get; init; }
    [JsonPropertyName("replay-name")] public string? ReplayName { get; init; }
}
