using TrainingOrchestration.Asl;
using TrainingOrchestration.Pipelines.Spec;

namespace TrainingOrchestration.LocalRuntime.Runs;

/// <summary>What <c>run</c> does: which pipeline, from which template, over which data and event, in which workspace.</summary>
public sealed record LocalRunRequest
{
    public required PipelineSpec Pipeline { get; init; }
    /// <summary>The pipeline's synthesized template (<c>TrainingOrchestration-&lt;p&gt;.template.json</c>).</summary>
    public required string TemplatePath { get; init; }
    public required string Workspace { get; init; }
    /// <summary>The CDC event to send; the pipeline's bundled sample event when null.</summary>
    public string? EventFile { get; init; }
    /// <summary>
    /// A change file in the source's native shape to replay through the ingress (landed in raw/, one event per batch);
    /// when neither this nor <see cref="EventFile"/> is given, the pipeline's bundled change file if it has one.
    /// </summary>
    public string? ChangesFile { get; init; }
    /// <summary>A CSV of the source table replacing the bundled sample for this run.</summary>
    public string? DataFile { get; init; }
    public MockConfig? MockConfig { get; init; }
    public string? TestCase { get; init; }
    public string? PipelinesRoot { get; init; }
    /// <summary>
    /// Real time the whole flow may take before the run is declared stuck; by default none, since the real work
    /// (the feature job and training on 10 million rows) can take many minutes and Ctrl+C stops a run cleanly.
    /// </summary>
    public TimeSpan Timeout { get; init; } = System.Threading.Timeout.InfiniteTimeSpan;
}
