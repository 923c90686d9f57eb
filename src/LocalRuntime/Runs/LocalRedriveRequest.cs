using TrainingOrchestration.Pipelines.Spec;

namespace TrainingOrchestration.LocalRuntime.Runs;

/// <summary>What <c>runs redrive</c> and <c>runs rerun</c> act on: a failed run of a pipeline in a workspace.</summary>
public sealed record LocalRedriveRequest
{
    public required PipelineSpec Pipeline { get; init; }
    /// <summary>The pipeline's synthesized template, the same the failed run was deployed from.</summary>
    public required string TemplatePath { get; init; }
    public required string Workspace { get; init; }
    public required string RunId { get; init; }
    public string? PipelinesRoot { get; init; }
    public TimeSpan Timeout { get; init; } = TimeSpan.FromMinutes(15);
}
