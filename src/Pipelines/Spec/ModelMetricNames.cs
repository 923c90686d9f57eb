namespace TrainingOrchestration.Pipelines.Spec;

/// <summary>
/// The model-quality metrics the evaluation computes and a pipeline's thresholds may name (<c>evaluation.primaryMetric</c>,
/// <c>evaluation.thresholds</c>). Not to be confused with the CloudWatch metric names in
/// <see cref="Conventions.MetricNames"/>: these values become the <c>Metric</c> dimension of <c>ModelMetric</c>.
/// </summary>
public static class ModelMetricNames
{
    public const string Auc = "auc";
    public const string PrAuc = "pr_auc";
    public const string LogLoss = "log_loss";
    public const string Accuracy = "accuracy";
    public const string Precision = "precision";
    public const string Recall = "recall";
    public const string F1 = "f1";
    public const string Brier = "brier";
    public const string Rmse = "rmse";
    public const string Mae = "mae";
    public const string R2 = "r2";
    public const string MacroF1 = "macro_f1";
    /// <summary>The binary classification metrics (binary:* objectives).</summary>
    public static readonly IReadOnlyList<string> All = [Auc, PrAuc, LogLoss, Accuracy, Precision, Recall, F1, Brier];
    /// <summary>The regression metrics (reg:* objectives).</summary>
    public static readonly IReadOnlyList<string> Regression = [Rmse, Mae, R2];
    /// <summary>The multi-class metrics (multi:* objectives): log loss over the class probabilities, accuracy, macro F1.</summary>
    public static readonly IReadOnlyList<string> Multiclass = [LogLoss, Accuracy, MacroF1];
    /// <summary>Metrics where a lower value is better.</summary>
    public static bool LowerIsBetter(string metric) => metric is LogLoss or Brier or Rmse or Mae;
}
