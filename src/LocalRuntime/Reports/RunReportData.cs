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
    public DateTimeOffset? StartedAt { get; init; }
    public DateTimeOffset? FinishedAt { get; init; }
    /// <summary>The error and cause of a failed run (<c>error</c>, <c>cause</c> on the run item).</summary>
    public string? Error { get; init; }
    public string? Cause { get; init; }
    public string? FailedState { get; init; }
    public IReadOnlyList<MetricCheck> Metrics { get; init; } = [];
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
    public IReadOnlyList<OutputLocation> Outputs { get; init; } = [];
}

/// <summary>One metric against its threshold (and the champion's value when there is one).</summary>
public sealed record MetricCheck(string Metric, double Observed, double? Min = null, double? Max = null, bool? Passed = null, double? Champion = null);

/// <summary>The validation outcome: overall verdict, summary and each rule's result.</summary>
public sealed record ValidationSummary(bool Passed, string Summary, IReadOnlyList<ValidationRuleResult> Rules, long? RowCount = null);

public sealed record ValidationRuleResult(string Rule, string? Column, string Severity, bool Passed, string? Observed, string? Threshold, long? FailingCount = null);

/// <summary>A state of the execution: when it was entered and left, and the error when it failed.</summary>
public sealed record ExecutedState(string Name, string Type, DateTimeOffset EnteredAt, DateTimeOffset? ExitedAt, string? Error = null)
{
    public TimeSpan? Duration => ExitedAt - EnteredAt;
}

public sealed record NamedDuration(string Name, TimeSpan Duration);

public sealed record ScoredRecord(float Label, float Score);

/// <summary>An output of the run and where it lives (an s3:// URI or a local path).</summary>
public sealed record OutputLocation(string Name, string Location);
