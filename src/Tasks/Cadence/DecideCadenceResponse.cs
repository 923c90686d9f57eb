using System.Text.Json.Serialization;

namespace TrainingOrchestration.Tasks.Cadence;

/// <summary>
/// Result of <c>DecideCadence</c>. <see cref="RunId"/> and <see cref="ExecutionName"/> are the run a START starts;
/// they are derived from the counter's generation, so two triggers that saw the same counter name the same
/// execution and Step Functions refuses the second.
/// </summary>
public sealed record DecideCadenceResponse
{
    /// <summary>START or SKIP.</summary>
    [JsonPropertyName("decision")] public required string Decision { get; init; }
    [JsonPropertyName("reason")] public required string Reason { get; init; }
    /// <summary>Short code for dashboards: bootstrap, threshold, stale, quiet-hours, min-interval, below-min-changes.</summary>
    [JsonPropertyName("reasonCode")] public required string ReasonCode { get; init; }
    [JsonPropertyName("runId")] public required string RunId { get; init; }
    [JsonPropertyName("executionName")] public required string ExecutionName { get; init; }
    [JsonPropertyName("window")] public required CadenceWindow Window { get; init; }
}
