using TrainingOrchestration.Pipelines.Spec;

namespace TrainingOrchestration.Tasks.Evaluation;

/// <summary>
/// Maps the names other tools give our metrics onto <see cref="ModelMetricNames"/>: SageMaker XGBoost's
/// <c>validation:*</c> metrics and the usual spellings in a <c>metrics.json</c> (<c>f1_score</c>, <c>roc_auc</c>, ...).
/// XGBoost's <c>error</c> is a misclassification rate at 0.5 and becomes accuracy = 1 − error; <c>merror</c>, the
/// multi-class misclassification rate, likewise; <c>mlogloss</c> is the multi-class log loss.
/// </summary>
public static class MetricAliases
{
    private static readonly Dictionary<string, string> Names = new(StringComparer.OrdinalIgnoreCase)
    {
        ["auc"] = ModelMetricNames.Auc, ["roc_auc"] = ModelMetricNames.Auc, ["rocauc"] = ModelMetricNames.Auc,
        ["pr_auc"] = ModelMetricNames.PrAuc, ["aucpr"] = ModelMetricNames.PrAuc, ["average_precision"] = ModelMetricNames.PrAuc, ["prauc"] = ModelMetricNames.PrAuc,
        ["log_loss"] = ModelMetricNames.LogLoss, ["logloss"] = ModelMetricNames.LogLoss,
        ["accuracy"] = ModelMetricNames.Accuracy, ["acc"] = ModelMetricNames.Accuracy,
        ["precision"] = ModelMetricNames.Precision,
        ["recall"] = ModelMetricNames.Recall,
        ["f1"] = ModelMetricNames.F1, ["f1_score"] = ModelMetricNames.F1, ["f1score"] = ModelMetricNames.F1,
        ["brier"] = ModelMetricNames.Brier, ["brier_score"] = ModelMetricNames.Brier, ["brier_score_loss"] = ModelMetricNames.Brier,
        ["rmse"] = ModelMetricNames.Rmse, ["mae"] = ModelMetricNames.Mae, ["r2"] = ModelMetricNames.R2, ["r2_score"] = ModelMetricNames.R2,
        ["mlogloss"] = ModelMetricNames.LogLoss, ["macro_f1"] = ModelMetricNames.MacroF1, ["f1_macro"] = ModelMetricNames.MacroF1,
    };

    /// <summary>
    /// Our name and value for <paramref name="name"/>, or null when it is not one of our metrics. A channel prefix
    /// (<c>validation:</c>) is stripped; <c>error</c> becomes accuracy.
    /// </summary>
    public static (string Metric, double Value)? Map(string name, double value)
    {
        var colon = name.LastIndexOf(':');
        var bare = colon >= 0 ? name[(colon + 1)..] : name;
        if (bare.Equals("error", StringComparison.OrdinalIgnoreCase) || bare.Equals("merror", StringComparison.OrdinalIgnoreCase))
            return (ModelMetricNames.Accuracy, 1 - value);
        return Names.TryGetValue(bare, out var metric) ? (metric, value) : null;
    }
}
