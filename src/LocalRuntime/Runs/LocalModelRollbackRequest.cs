using TrainingOrchestration.Pipelines.Spec;

namespace TrainingOrchestration.LocalRuntime.Runs;

/// <summary>What <c>models &lt;pipeline&gt; rollback &lt;version&gt;</c> needs: the pipeline, its template, the workspace and the version.</summary>
public sealed record LocalModelRollbackRequest
{
    public required PipelineSpec Pipeline { get; init; }
    public required string TemplatePath { get; init; }
    public required string Workspace { get; init; }
    /// <summary>The run id of the model version to restore as champion.</summary>
    public required string Version { get; init; }
    public string Reason { get; init; } = "rollback";
    public string? PipelinesRoot { get; init; }
}
