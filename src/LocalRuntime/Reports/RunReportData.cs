namespace TrainingOrchestration.LocalRuntime.Reports;

/// <summary>
/// Everything the run report shows, filled by the <c>run</c> command from the run record, the execution history
/// and the batch transform's predictions. Plain data so the report can be written (and tested) without a runtime.
/// </summary>
public sealed record RunReportData
{
    public required string Pipeline { get; init; }
    public required string RunId { get; init; }
    /// <summary>SUCCEEDED / FAILED / RUNNING, as recorded on the run item.</summary>
    public required string Status { get; init; }
    /// <summary>PROMOTED / REJECTED / FAILED.</summary>
    public string? Decision { get; init; }
    public string? Reason { get; init; }
    public string? ExecutionArn { get; init; }
    /// <summary>When the workflow started and finished on the runtime's virtual clock (from the event's own time).</summary>
    public DateTimeOffset? StartedAt { get; init; }
    public DateTimeOffset? FinishedAt { get; init; }
    /// <summary>When the local command ran, by the wall clock, and for how long: the times the report leads with.</summary>
    public DateTimeOffset? RanAt { get; init; }
    public TimeSpan? RanFor { get; init; }
    /// <summary>The error and cause of a failed run (<c>error</c>, <c>cause</c> on the run item).</summary>
    public string? Error { get; init; }
    public string? Cause { get; init; }
    public string? FailedState { get; init; }
    /// <summary>For a run a redrive recovered: what it recovered from, in one sentence (<c>RunFailure.Describe</c>).</summary>
    public string? RecoveredFrom { get; init; }
    public IReadOnlyList<MetricCheck> Metrics { get; init; } = [];
    /// <summary>The comparison with the champion on the same test split, in one sentence (<see cref="WorkflowResults.ChampionComparison"/>).</summary>
    public string? ChampionComparison { get; init; }
    /// <summary>Where the metrics came from: test-split, training-job or model-artifact.</summary>
    public string? MetricsSource { get; init; }
    public ValidationSummary? Validation { get; init; }
    /// <summary>The states the training execution went through, in order (see <see cref="ExecutionPath"/>).</summary>
    public IReadOnlyList<ExecutedState> Path { get; init; } = [];
    /// <summary>Extra named durations (wall time of the command, of the feature job, of training...).</summary>
    public IReadOnlyList<NamedDuration> Durations { get; init; } = [];
    /// <summary>Test-split labels and scores for the ROC curve and confusion matrix; empty when scoring did not run.</summary>
    public IReadOnlyList<ScoredRecord> Predictions { get; init; } = [];
    public double DecisionThreshold { get; init; } = 0.5;
    /// <summary>A multi-class model's test split by true class (first index) and most probable class; null for the other types.</summary>
    public int[,]? ClassConfusion { get; init; }
    public IReadOnlyList<OutputLocation> Outputs { get; init; } = [];
    /// <summary>The model's explanation (trainer, hyperparameters, metrics per split, class balance, features); see RunExplanation.</summary>
    public System.Text.Json.Nodes.JsonObject? Explanation { get; init; }
    /// <summary>What the change merge applied, by operation (null when the feature job did not run).</summary>
    public string? ChangesApplied { get; init; }
}
