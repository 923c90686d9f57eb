using System.Text.Json.Serialization;

namespace TrainingOrchestration.Tasks.Evaluation;

/// <summary>What the cost estimate reads of Glue's <c>JobRun</c> (the result of <c>glue:startJobRun.sync</c>).</summary>
public sealed record GlueJobRunUsage
{
    [JsonPropertyName("DPUSeconds")] public double? DpuSeconds { get; init; }
    [JsonPropertyName("ExecutionTime")] public double? ExecutionTime { get; init; }
    [JsonPropertyName("MaxCapacity")] public double? MaxCapacity { get; init; }
}
