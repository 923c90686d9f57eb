namespace TrainingOrchestration.Pipelines.Conventions;

/// <summary>
/// The pipeline's own CloudWatch metrics (WORKFLOW.md "Metrics"): the Lambdas emit them as Embedded Metric Format in
/// <see cref="Namespace"/>, and the alarms and the dashboard read them back with the same names and dimension sets.
/// A name or dimension typed differently on either side gives an alarm that never fires, so both sides use these.
/// </summary>
public static class MetricNames
{
    public const string Namespace = "TrainingOrchestration";

    // Cadence Lambda.
    public const string TriggerDecisions = "TriggerDecisions";

    // Validation Lambda.
    public const string RowsChecked = "RowsChecked";
    public const string ValidationDurationMs = "ValidationDurationMs";
    public const string RulesFailed = "RulesFailed";
    public const string ValidationFailures = "ValidationFailures";

    // Evaluation Lambda.
    public const string CandidatesPromoted = "CandidatesPromoted";
    public const string CandidatesRejected = "CandidatesRejected";
    public const string TrainingDurationSeconds = "TrainingDurationSeconds";
    public const string ModelMetric = "ModelMetric";

    /// <summary>Estimated USD of a trained run's Glue and SageMaker usage, by <see cref="RunCostDimensions"/>.</summary>
    public const string RunCost = "RunCost";

    /// <summary>Every custom metric name, for checks that none is retyped elsewhere.</summary>
    public static readonly IReadOnlyList<string> All =
    [
        TriggerDecisions, RowsChecked, ValidationDurationMs, RulesFailed, ValidationFailures,
        CandidatesPromoted, CandidatesRejected, TrainingDurationSeconds, ModelMetric, RunCost,
    ];

    /// <summary>Dimension names; every metric carries <see cref="PipelineDimension"/>.</summary>
    public const string PipelineDimension = "Pipeline";
    public const string DecisionDimension = "Decision";
    public const string ReasonDimension = "Reason";
    public const string SeverityDimension = "Severity";
    public const string RuleDimension = "Rule";
    public const string MetricDimension = "Metric";
    public const string TierDimension = "Tier";

    /// <summary>Values of <see cref="SeverityDimension"/>.</summary>
    public const string ErrorSeverity = "error";
    public const string WarnSeverity = "warn";

    /// <summary>Non-dimension members of an EMF line (searchable in Logs Insights, no extra metric).</summary>
    public const string RunIdProperty = "RunId";
    public const string EventIdProperty = "EventId";

    /// <summary>The dimension sets, one per EMF line; the alarms and the dashboard's SEARCH expressions use the same.</summary>
    public static readonly IReadOnlyList<string> PipelineDimensions = [PipelineDimension];
    public static readonly IReadOnlyList<string> TriggerDecisionDimensions = [PipelineDimension, DecisionDimension, ReasonDimension];
    public static readonly IReadOnlyList<string> RulesFailedDimensions = [PipelineDimension, SeverityDimension];
    public static readonly IReadOnlyList<string> ValidationFailureDimensions = [PipelineDimension, RuleDimension];
    public static readonly IReadOnlyList<string> ModelMetricDimensions = [PipelineDimension, MetricDimension];
    public static readonly IReadOnlyList<string> RunCostDimensions = [PipelineDimension, TierDimension];
}
