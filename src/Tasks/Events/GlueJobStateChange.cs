using System.Text.Json.Serialization;

namespace TrainingOrchestration.Tasks.Events;

/// <summary>Detail of "Glue Job State Change": state is SUCCEEDED, FAILED, TIMEOUT or STOPPED.</summary>
public sealed record GlueJobStateChange
{
    [JsonPropertyName("jobName")] public string? JobName { get; init; }
    [JsonPropertyName("severity")] public string? Severity { get; init; }
    [JsonPropertyName("state")] public string? State { get; init; }
    [JsonPropertyName("jobRunId")] public string? JobRunId { get; init; }
    [JsonPropertyName("message")] public string? Message { get; init; }
}
