namespace TrainingOrchestration.Infra;

/// <summary>What one synthesis needs: where the pipelines are, where the cloud assembly goes, and the Lambda code.</summary>
public sealed record InfraAppOptions
{
    /// <summary>The <c>pipelines/</c> folder; one stack per subfolder holding a <c>pipeline.yaml</c>.</summary>
    public required string PipelinesRoot { get; init; }

    /// <summary>The cloud assembly directory; each stack's template is written there as <c>&lt;Stack&gt;.template.json</c>.</summary>
    public required string OutDir { get; init; }

    /// <summary>
    /// The published task Lambdas (src/Tasks). When null, <see cref="TasksAsset.EnsurePublished"/> publishes them into
    /// <c>&lt;OutDir&gt;/assets/tasks</c>, skipping the publish when the sources have not changed since the last one.
    /// Tests point this at a small directory to keep synthesis fast.
    /// </summary>
    public string? TasksAssetDirectory { get; init; }

    /// <summary>The repository root (holds <c>TrainingOrchestration.sln</c>); found from <see cref="PipelinesRoot"/> when null.</summary>
    public string? RepositoryRoot { get; init; }
}
