using System.Text.Json.Serialization;

namespace TrainingOrchestration.Tasks.Evaluation;

/// <summary>The training job's <c>ResourceConfig</c> as DescribeTrainingJob (and its state-change event) reports it.</summary>
public sealed record TrainingResourceConfig
{
    [JsonPropertyName("InstanceType")] public string? InstanceType { get; init; }
    [JsonPropertyName("InstanceCount")] public int? InstanceCount { get; init; }
}
