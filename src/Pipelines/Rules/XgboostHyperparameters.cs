namespace TrainingOrchestration.Pipelines.Rules;

/// <summary>
/// The hyperparameters the SageMaker built-in XGBoost algorithm accepts, with the ranges documented by XGBoost
/// ("XGBoost Parameters") and SageMaker ("XGBoost hyperparameters"). Where the two differ, XGBoost's own range
/// wins (colsample_by* and subsample are (0, 1] there; SageMaker's page says [0, 1] for some, but 0 is rejected
/// by XGBoost itself). A typo or an out-of-range value would
/// otherwise surface only after Glue has run and the training job fails minutes later.
/// </summary>
public static class XgboostHyperparameters
{
    /// <summary>Learning objectives documented by XGBoost.</summary>
    public static readonly IReadOnlyList<string> Objectives =
    [
        "reg:squarederror", "reg:squaredlogerror", "reg:logistic", "reg:pseudohubererror", "reg:absoluteerror",
        "reg:quantileerror", "reg:linear", "binary:logistic", "binary:logitraw", "binary:hinge", "count:poisson",
        "survival:cox", "survival:aft", "multi:softmax", "multi:softprob", "rank:ndcg", "rank:map", "rank:pairwise",
        "reg:gamma", "reg:tweedie",
    ];

    /// <summary>Evaluation metrics documented by XGBoost (those taking a suffix such as <c>error@0.6</c> or <c>ndcg@5</c> are checked by prefix).</summary>
    public static readonly IReadOnlyList<string> EvalMetrics =
    [
        "rmse", "rmsle", "mae", "mape", "mphe", "logloss", "error", "merror", "mlogloss", "auc", "aucpr", "pre",
        "ndcg", "map", "poisson-nloglik", "gamma-nloglik", "cox-nloglik", "gamma-deviance", "tweedie-nloglik",
        "aft-nloglik", "interval-regression-accuracy", "ndcg-", "map-",
    ];

    private static readonly string[] SuffixedMetrics = ["error@", "ndcg@", "map@", "pre@", "tweedie-nloglik@"];

    private static readonly Dictionary<string, HyperparameterRule> Rules = new List<HyperparameterRule>
    {
        HyperparameterRule.Whole("num_round", 1),
        HyperparameterRule.Whole("num_class", 2),
        HyperparameterRule.Real("eta", 0, 1),
        HyperparameterRule.Real("gamma", 0),
        HyperparameterRule.Whole("max_depth", 0),
        HyperparameterRule.Real("min_child_weight", 0),
        HyperparameterRule.Real("max_delta_step", 0),
        HyperparameterRule.Real("subsample", 0, 1, minOpen: true),
        HyperparameterRule.Real("colsample_bytree", 0, 1, minOpen: true),
        HyperparameterRule.Real("colsample_bylevel", 0, 1, minOpen: true),
        HyperparameterRule.Real("colsample_bynode", 0, 1, minOpen: true),
        HyperparameterRule.Real("lambda", 0),
        HyperparameterRule.Real("alpha", 0),
        HyperparameterRule.Real("lambda_bias", 0, 1),
        HyperparameterRule.Real("scale_pos_weight", 0, minOpen: true),
        HyperparameterRule.Real("sketch_eps", 0, 1, minOpen: true, maxOpen: true),
        HyperparameterRule.Whole("max_leaves", 0),
        HyperparameterRule.Whole("max_bin", 2),
        HyperparameterRule.Whole("early_stopping_rounds", 1),
        HyperparameterRule.Whole("seed", double.NegativeInfinity),
        HyperparameterRule.Whole("nthread", 1),
        HyperparameterRule.Whole("verbosity", 0, 3),
        HyperparameterRule.Real("base_score", double.NegativeInfinity),
        HyperparameterRule.Real("rate_drop", 0, 1),
        HyperparameterRule.Real("skip_drop", 0, 1),
        HyperparameterRule.Whole("one_drop", 0, 1),
        HyperparameterRule.Real("tweedie_variance_power", 1, 2, minOpen: true, maxOpen: true),
        HyperparameterRule.Whole("refresh_leaf", 0, 1),
        HyperparameterRule.Whole("csv_weights", 0, 1),
        HyperparameterRule.OneOf("objective", [.. Objectives]),
        HyperparameterRule.OneOf("booster", "gbtree", "gblinear", "dart"),
        HyperparameterRule.OneOf("tree_method", "auto", "exact", "approx", "hist", "gpu_hist"),
        HyperparameterRule.OneOf("grow_policy", "depthwise", "lossguide"),
        HyperparameterRule.OneOf("sample_type", "uniform", "weighted"),
        HyperparameterRule.OneOf("normalize_type", "tree", "forest"),
        HyperparameterRule.OneOf("process_type", "default", "update"),
        HyperparameterRule.OneOf("deterministic_histogram", "true", "false"),
        HyperparameterRule.OneOf("single_precision_histogram", "true", "false"),
        HyperparameterRule.OneOf("use_dask_gpu_training", "true", "false"),
        HyperparameterRule.Text("updater"),
        HyperparameterRule.Text("interaction_constraints"),
        HyperparameterRule.Text("monotone_constraints"),
        HyperparameterRule.Text("eval_metric"),
    }.ToDictionary(r => r.Name, StringComparer.Ordinal);

    public static IReadOnlyCollection<string> Names => Rules.Keys;

    public static bool IsKnown(string name) => Rules.ContainsKey(name);

    /// <summary>Null when <paramref name="value"/> is acceptable for <paramref name="name"/>; otherwise the problem.</summary>
    public static string? Problem(string name, string value)
    {
        if (!Rules.TryGetValue(name, out var rule)) return $"'{name}' is not a documented XGBoost hyperparameter.";
        if (name == "eval_metric") return EvalMetricProblem(value);
        return rule.Problem(value);
    }

    /// <summary>Problems that involve more than one hyperparameter (num_round required, num_class for multi:*).</summary>
    public static IEnumerable<(string Name, string Problem)> CrossProblems(IReadOnlyDictionary<string, string> hyperparameters)
    {
        if (!hyperparameters.ContainsKey("num_round"))
            yield return ("num_round", "num_round is required by SageMaker XGBoost.");
        var multiClass = hyperparameters.TryGetValue("objective", out var objective) && objective.StartsWith("multi:", StringComparison.Ordinal);
        if (multiClass && !hyperparameters.ContainsKey("num_class"))
            yield return ("num_class", $"objective {objective} requires num_class.");
    }

    private static string? EvalMetricProblem(string value)
    {
        foreach (var metric in value.Split(',', StringSplitOptions.TrimEntries))
        {
            if (EvalMetrics.Contains(metric)) continue;
            if (SuffixedMetrics.Any(p => metric.StartsWith(p, StringComparison.Ordinal) && metric.Length > p.Length)) continue;
            return $"'{metric}' is not an XGBoost eval_metric (documented: {string.Join(", ", EvalMetrics)}).";
        }
        return null;
    }
}
