using System.Text.Json.Serialization;

namespace TrainingOrchestration.Contracts.Validation;

/// <summary>The fields of Glue's JobRun (the <c>glue:startJobRun.sync</c> result) that contracts check.</summary>
public sealed record GlueJobRun
{
    [JsonPropertyName("Id")] public string? Id { get; init; }
    [JsonPropertyName("JobRunState")] public string? JobRunState { get; init; }
    /// <summary>Seconds the job consumed resources (Glue's ExecutionTime).</summary>
    [JsonPropertyName("ExecutionTime")] public double? ExecutionTime { get; init; }
    [JsonPropertyName("DPUSeconds")] public double? DpuSeconds { get; init; }
    [JsonPropertyName("ErrorMessage")] public string? ErrorMessage { get; init; }
}
