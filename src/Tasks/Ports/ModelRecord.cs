using TrainingOrchestration.Pipelines.Conventions;

namespace TrainingOrchestration.Tasks.Ports;

/// <summary>
/// A <c>MODEL#&lt;runId&gt;</c> item: one trained candidate with the metrics it was judged on and why it was or was
/// not promoted, so the history of every model version can be read back later.
/// </summary>
public sealed record ModelRecord
{
    public required string Pipeline { get; init; }
    public required string RunId { get; init; }
    /// <summary><c>s3://</c> URI of the model.tar.gz, when the training job produced one.</summary>
    public string? Artifact { get; init; }
    public required IReadOnlyDictionary<string, double> Metrics { get; init; }
    /// <summary><see cref="ModelStatus"/>: CANDIDATE when written by the evaluation.</summary>
    public string Status { get; init; } = ModelStatus.Candidate;
    public string? MetricsSource { get; init; }
    public string? Decision { get; init; }
    public string? Reason { get; init; }
    public string? TrainingJobName { get; init; }
    public required DateTimeOffset EvaluatedAt { get; init; }
}
