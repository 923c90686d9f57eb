namespace TrainingOrchestration.Pipelines.Hyperparameters;

/// <summary>
/// The one rule set for the hyperparameters of SageMaker's built-in XGBoost 1.7-1, shared by the spec loader (a typo
/// or an out-of-range value is reported before Glue runs) and the local trainer (which fails the training job with
/// the container's ClientError). Names, ranges and the required <c>num_round</c> follow the container
/// (sagemaker-xgboost-container v1.7-1, src/sagemaker_xgboost_container/algorithm_mode/hyperparameter_validation.py);
/// defaults are XGBoost 1.7's ("XGBoost Parameters"), which the container leaves to the library.
/// </summary>
public static class XgboostHyperparameters
{
    /// <summary>The objectives the container accepts (its list, which includes the odd <c>aft_loss_distribution</c>).</summary>
    public static readonly IReadOnlyList<string> Objectives =
    [
        "aft_loss_distribution", "binary:logistic", "binary:logitraw", "binary:hinge", "count:poisson", "multi:softmax",
        "multi:softprob", "rank:pairwise", "rank:ndcg", "rank:map", "reg:linear", "reg:squarederror", "reg:logistic",
        "reg:gamma", "reg:pseudohubererror", "reg:squaredlogerror", "reg:absoluteerror", "reg:tweedie", "survival:aft",
        "survival:cox",
    ];

    /// <summary>Hyperparameters the container reads itself and does not pass to XGBoost's <c>train</c> parameters.</summary>
    public static readonly IReadOnlyList<string> ContainerOnly =
    [
        "num_round", "early_stopping_rounds", "csv_weights", "save_model_on_termination", "_kfold", "_num_cv_round",
        "_tuning_objective_metric", "use_dask_gpu_training",
    ];

    /// <summary>Aliases the container declares (<c>declare_alias</c>), validated by the rule of the name they stand for.</summary>
    public static readonly IReadOnlyDictionary<string, string> Aliases = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["learning_rate"] = "eta", ["min_split_loss"] = "gamma", ["reg_lambda"] = "lambda", ["reg_alpha"] = "alpha",
    };

    private static readonly Dictionary<string, HyperparameterRule> Rules = new List<HyperparameterRule>
    {
        HyperparameterRule.Whole("num_round", 1),
        HyperparameterRule.Whole("csv_weights", 0, 1, defaultValue: "0"),
        HyperparameterRule.Whole("early_stopping_rounds", 1),
        HyperparameterRule.OneOf("booster", ["gbtree", "gblinear", "dart"], "gbtree"),
        HyperparameterRule.Whole("verbosity", 0, 3, defaultValue: "1"),
        HyperparameterRule.Whole("nthread", 1),
        HyperparameterRule.Real("eta", 0, 1, defaultValue: "0.3"),
        HyperparameterRule.Real("gamma", 0, defaultValue: "0"),
        HyperparameterRule.Whole("max_depth", 0, defaultValue: "6"),
        HyperparameterRule.Real("min_child_weight", 0, defaultValue: "1"),
        HyperparameterRule.Real("max_delta_step", 0, defaultValue: "0"),
        HyperparameterRule.Real("subsample", 0, 1, minOpen: true, defaultValue: "1"),
        HyperparameterRule.Real("colsample_bytree", 0, 1, minOpen: true, defaultValue: "1"),
        HyperparameterRule.Real("colsample_bylevel", 0, 1, minOpen: true, defaultValue: "1"),
        HyperparameterRule.Real("colsample_bynode", 0, 1, minOpen: true, defaultValue: "1"),
        HyperparameterRule.Real("lambda", 0, defaultValue: "1"),
        HyperparameterRule.Real("alpha", 0, defaultValue: "0"),
        HyperparameterRule.OneOf("tree_method", ["auto", "exact", "approx", "hist", "gpu_hist"], "auto"),
        HyperparameterRule.Real("sketch_eps", 0, 1, minOpen: true, maxOpen: true, defaultValue: "0.03"),
        HyperparameterRule.Real("scale_pos_weight", 0, minOpen: true, defaultValue: "1"),
        HyperparameterRule.Text("updater"),
        HyperparameterRule.OneOf("dsplit", ["row", "col"]),
        HyperparameterRule.Whole("refresh_leaf", 0, 1, defaultValue: "1"),
        HyperparameterRule.OneOf("process_type", ["default", "update"], "default"),
        HyperparameterRule.OneOf("grow_policy", ["depthwise", "lossguide"], "depthwise"),
        HyperparameterRule.Whole("max_leaves", 0, defaultValue: "0"),
        HyperparameterRule.Whole("max_bin", 0, defaultValue: "256"),
        HyperparameterRule.OneOf("predictor", ["auto", "cpu_predictor", "gpu_predictor"], "auto"),
        HyperparameterRule.Text("monotone_constraints"),
        HyperparameterRule.Text("interaction_constraints"),
        HyperparameterRule.OneOf("sample_type", ["uniform", "weighted"], "uniform"),
        HyperparameterRule.OneOf("normalize_type", ["tree", "forest"], "tree"),
        HyperparameterRule.Real("rate_drop", 0, 1, defaultValue: "0"),
        HyperparameterRule.Whole("one_drop", 0, 1, defaultValue: "0"),
        HyperparameterRule.Real("skip_drop", 0, 1, defaultValue: "0"),
        HyperparameterRule.Real("lambda_bias", 0, 1, defaultValue: "0"),
        HyperparameterRule.Real("tweedie_variance_power", 1, 2, minOpen: true, maxOpen: true, defaultValue: "1.5"),
        HyperparameterRule.OneOf("objective", [.. Objectives], "reg:squarederror"),
        HyperparameterRule.Whole("num_class", 2),
        HyperparameterRule.Real("base_score", 0, defaultValue: "0.5"),
        HyperparameterRule.Whole("_kfold", 2),
        HyperparameterRule.Whole("_num_cv_round", 1, defaultValue: "1"),
        HyperparameterRule.Text("_tuning_objective_metric"),
        HyperparameterRule.Text("eval_metric"),
        HyperparameterRule.Whole("seed", -2147483648, 2147483647, minOpen: true, maxOpen: true, defaultValue: "0"),
        HyperparameterRule.Whole("num_parallel_tree", 1, defaultValue: "1"),
        HyperparameterRule.OneOf("save_model_on_termination", ["true", "false"], "false"),
        HyperparameterRule.OneOf("aft_loss_distribution", ["normal", "logistic", "extreme"], "normal"),
        HyperparameterRule.Real("aft_loss_distribution_scale", 0, defaultValue: "1"),
        HyperparameterRule.OneOf("deterministic_histogram", ["true", "false"], "true"),
        HyperparameterRule.OneOf("sampling_method", ["uniform", "gradient_based"], "uniform"),
        HyperparameterRule.Whole("prob_buffer_row", 1, minOpen: true),
        HyperparameterRule.OneOf("use_dask_gpu_training", ["true", "false"], "false"),
    }.ToDictionary(r => r.Name, StringComparer.Ordinal);

    public static IReadOnlyCollection<string> Names => [.. Rules.Keys, .. Aliases.Keys];

    public static bool IsKnown(string name) => Rules.ContainsKey(name) || Aliases.ContainsKey(name);

    /// <summary>The rule for <paramref name="name"/> (an alias gives the rule of the name it stands for).</summary>
    public static HyperparameterRule? Rule(string name) =>
        Rules.TryGetValue(Aliases.GetValueOrDefault(name, name), out var rule) ? rule : null;

    /// <summary>Null when <paramref name="value"/> is acceptable for <paramref name="name"/>; otherwise the problem.</summary>
    public static string? Problem(string name, string value)
    {
        if (Rule(name) is not { } rule) return $"'{name}' is not a hyperparameter of SageMaker XGBoost 1.7-1.";
        if (rule.Name == "eval_metric") return XgboostEvalMetrics.Problem(value);
        if (rule.Name == "_tuning_objective_metric") return XgboostEvalMetrics.Problem(value.Split(':')[^1]);
        return rule.Problem(value);
    }

    /// <summary>
    /// Problems that involve more than one hyperparameter, worded as the container's dependency validators word them:
    /// num_round required, num_class for multi:*, auc only for binary:/rank:, aft-nloglik only for survival:aft,
    /// monotone and interaction constraints only with the tree methods that support them.
    /// </summary>
    public static IEnumerable<(string Name, string Problem)> CrossProblems(IReadOnlyDictionary<string, string> hyperparameters)
    {
        if (!hyperparameters.ContainsKey("num_round"))
            yield return ("num_round", "Missing required hyperparameter: num_round");
        var objective = hyperparameters.GetValueOrDefault("objective");
        if (objective is "multi:softmax" or "multi:softprob" && !hyperparameters.ContainsKey("num_class"))
            yield return ("num_class", "Require input for parameter 'num_class' for multi-classification");
        var metrics = hyperparameters.GetValueOrDefault("eval_metric")?.Split(',', StringSplitOptions.TrimEntries) ?? [];
        var effectiveObjective = objective ?? Rules["objective"].Default!;
        if (metrics.Contains("auc") && !effectiveObjective.StartsWith("binary:", StringComparison.Ordinal) && !effectiveObjective.StartsWith("rank:", StringComparison.Ordinal))
            yield return ("eval_metric", "Metric 'auc' can only be applied for classification and ranking problems.");
        if (metrics.Contains("aft-nloglik") && effectiveObjective != "survival:aft")
            yield return ("eval_metric", "Metric 'aft-nloglik' can only be applied for 'survival:aft' objective.");
        var treeMethod = hyperparameters.GetValueOrDefault("tree_method");
        if (hyperparameters.ContainsKey("monotone_constraints") && treeMethod is not ("exact" or "hist"))
            yield return ("monotone_constraints", "monotone_constraints can be used only when the tree_method parameter is set to either 'exact' or 'hist'.");
        if (hyperparameters.ContainsKey("interaction_constraints") && treeMethod is not ("exact" or "hist" or "approx"))
            yield return ("interaction_constraints", "interaction_constraints can be used only when the tree_method parameter is set to either 'exact', 'hist' or 'approx'.");
    }

    /// <summary>
    /// Every problem with a whole set, in the container's order: unknown names ("Extraneous hyperparameter found"),
    /// then values out of range, then the cross-parameter rules. Empty when the set would train.
    /// </summary>
    public static IReadOnlyList<string> Validate(IReadOnlyDictionary<string, string> hyperparameters)
    {
        var problems = new List<string>();
        foreach (var (name, value) in hyperparameters.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            if (!IsKnown(name)) problems.Add($"Extraneous hyperparameter found: {name}");
            else if (Problem(name, value) is { } problem) problems.Add($"Hyperparameter {name}: {problem}");
        }
        problems.AddRange(CrossProblems(hyperparameters).Select(p => p.Problem));
        return problems;
    }

    /// <summary>The value XGBoost uses for <paramref name="name"/>: the one given, else the default (null when none).</summary>
    public static string? Effective(IReadOnlyDictionary<string, string> hyperparameters, string name) =>
        hyperparameters.TryGetValue(name, out var value) ? value : Rule(name)?.Default;
}
