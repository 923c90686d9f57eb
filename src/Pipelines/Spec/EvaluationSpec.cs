namespace TrainingOrchestration.Pipelines.Spec;

/// <summary>How a candidate is judged: thresholds it must meet and the margin by which it must beat the champion.</summary>
public sealed record EvaluationSpec
{
    /// <summary>One of <see cref="MetricNames.All"/>; compared with the champion.</summary>
    public required string PrimaryMetric { get; init; }
    public required IReadOnlyDictionary<string, MetricThreshold> Thresholds { get; init; }
    /// <summary>The candidate must beat the champion's primary metric by at least this much.</summary>
    public double ChampionMargin { get; init; }
}

/// <summary>Bounds on one metric; either may be absent.</summary>
public sealed record MetricThreshold(double? Min, double? Max);

public static class MetricNames
{
    public const string Auc = "auc";
    public const string PrAuc = "pr_auc";
    public const string LogLoss = "log_loss";
    public const string Accuracy = "accuracy";
    public const string Precision = "precision";
    public const string Recall = "recall";
    public const string F1 = "f1";
    public const string Brier = "brier";
    public static readonly IReadOnlyList<string> All = [Auc, PrAuc, LogLoss, Accuracy, Precision, Recall, F1, Brier];
    /// <summary>Metrics where a lower value is better.</summary>
    public static bool LowerIsBetter(string metric) => metric is LogLoss or Brier;
}
