namespace TrainingOrchestration.Pipelines.Hyperparameters;

/// <summary>
/// The <c>eval_metric</c> values SageMaker's XGBoost 1.7-1 container accepts (<c>XGB_MAXIMIZE_METRICS</c> +
/// <c>XGB_MINIMIZE_METRICS</c> in sagemaker-xgboost-container v1.7-1,
/// src/sagemaker_xgboost_container/constants/xgb_constants.py), and which of them are maximized.
/// </summary>
public static class XgboostEvalMetrics
{
    public static readonly IReadOnlyList<string> Maximize =
    [
        "accuracy", "auc", "aucpr", "balanced_accuracy", "f1", "f1_binary", "f1_macro", "map", "ndcg", "precision", "r2",
        "recall", "precision_macro", "precision_micro", "recall_macro", "recall_micro",
    ];

    public static readonly IReadOnlyList<string> Minimize =
    [
        "aft-nloglik", "cox-nloglik", "error", "gamma-deviance", "gamma-nloglik", "interval-regression-accuracy", "logloss",
        "mae", "mape", "merror", "mlogloss", "mphe", "mse", "poisson-nloglik", "rmse", "rmsle", "tweedie-nloglik",
    ];

    /// <summary>Metrics that take a <c>@threshold</c> suffix in the container (<c>error@0.6</c>, <c>ndcg@5</c>).</summary>
    private static readonly string[] Suffixed = ["error", "ndcg", "map"];

    public static IEnumerable<string> All => Maximize.Concat(Minimize);

    /// <summary>True when early stopping on <paramref name="metric"/> keeps the highest value (the container's rule).</summary>
    public static bool IsMaximized(string metric) => Maximize.Contains(metric.Split('@')[0]);

    /// <summary>Null when every comma-separated metric is accepted; otherwise the problem, as the container words it.</summary>
    public static string? Problem(string value)
    {
        foreach (var metric in value.Split(',', StringSplitOptions.TrimEntries))
        {
            var at = metric.IndexOf('@');
            if (at >= 0)
            {
                var name = metric[..at];
                if (!Suffixed.Contains(name))
                    return $"Metric '{metric}' is not supported. Parameter 'eval_metric' with customized threshold should be one of these options: 'error', 'ndcg', 'map'.";
                if (!double.TryParse(metric[(at + 1)..], System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out _))
                    return $"Threshold value 't' in '{name}@t' expects float input.";
                continue;
            }
            if (!All.Contains(metric))
                return $"'{metric}' is not an eval_metric of SageMaker XGBoost 1.7-1 (accepted: {string.Join(", ", All)}).";
        }
        return null;
    }
}
