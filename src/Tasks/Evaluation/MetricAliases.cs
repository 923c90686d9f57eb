using TrainingOrchestration.Pipelines.Spec;

namespace TrainingOrchestration.Tasks.Evaluation;

/// <summary>
/// Maps the names other tools give our metrics onto <see cref="MetricNames"/>: SageMaker XGBoost's
/// <c>validation:*</c> metrics and the usual spellings in a <c>metrics.json</c> (<c>f1_score</c>, <c>roc_auc</c>, ...).
/// XGBoost's <c>error</c> is a misclassification rate at 0.5 and becomes accuracy = 1 − error.
/// </summary>
public static class MetricAliases
{
    private static readonly Dictionary<string, string> Names = new(StringComparer.OrdinalIgnoreCase)
    {
        ["auc"] = MetricNames.Auc, ["roc_auc"] = MetricNames.Auc, ["rocauc"] = MetricNames.Auc,
        ["pr_auc"] = MetricNames.PrAuc, ["aucpr"] = MetricNames.PrAuc, ["average_precision"] = MetricNames.PrAuc, ["prauc"] = MetricNames.PrAuc,
        ["log_loss"] = MetricNames.LogLoss, ["logloss"] = MetricNames.LogLoss,
        ["accuracy"] = MetricNames.Accuracy, ["acc"] = MetricNames.Accuracy,
        ["precision"] = MetricNames.Precision,
        ["recall"] = MetricNames.Recall,
        ["f1"] = MetricNames.F1, ["f1_score"] = MetricNames.F1, ["f1score"] = MetricNames.F1,
        ["brier"] = MetricNames.Brier, ["brier_score"] = MetricNames.Brier, ["brier_score_loss"] = MetricNames.Brier,
    };

    /// <summary>
    /// Our name and value for <paramref name="name"/>, or null when it is not one of our metrics. A channel prefix
    /// (<c>validation:</c>) is stripped; <c>error</c> becomes accuracy.
    /// </summary>
    public static (string Metric, double Value)? Map(string name, double value)
    {
        var colon = name.LastIndexOf(':');
        var bare = colon >= 0 ? name[(colon + 1)..] : name;
        if (bare.Equals("error", StringComparison.OrdinalIgnoreCase)) return (MetricNames.Accuracy, 1 - value);
        return Names.TryGetValue(bare, out var metric) ? (metric, value) : null;
    }
}
