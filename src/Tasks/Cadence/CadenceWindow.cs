using System.Text.Json.Serialization;
using TrainingOrchestration.Tasks.Json;

namespace TrainingOrchestration.Tasks.Cadence;

/// <summary>The batch of changes a decision covers: generation <see cref="Generation"/> of the trigger counter.</summary>
public sealed record CadenceWindow
{
    [JsonPropertyName("generation")] public required long Generation { get; init; }
    [JsonPropertyName("pendingChanges")] public required long PendingChanges { get; init; }

    [JsonPropertyName("firstPendingAt"), JsonConverter(typeof(FlexibleTimestampConverter))]
    public DateTimeOffset? FirstPendingAt { get; init; }

    [JsonPropertyName("lastRunStartedAt"), JsonConverter(typeof(FlexibleTimestampConverter))]
    public DateTimeOffset? LastRunStartedAt { get; init; }

    [JsonPropertyName("decidedAt"), JsonConverter(typeof(FlexibleTimestampConverter))]
    public DateTimeOffset? DecidedAt { get; init; }

    /// <summary>For a SKIP: when a run would start without further changes (null if only more changes can start one).</summary>
    [JsonPropertyName("nextEligibleAt"), JsonConverter(typeof(FlexibleTimestampConverter))]
    public DateTimeOffset? NextEligibleAt { get; init; }
}
