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
    /// <summary>Real time the redriven flow may take; by default none, as for <see cref="LocalRunRequest.Timeout"/>.</summary>
    public TimeSpan Timeout { get; init; } = System.Threading.Timeout.InfiniteTimeSpan;
}
