using TrainingOrchestration.Pipelines.Hyperparameters;

namespace TrainingOrchestration.Pipelines.Tests.Hyperparameters;

/// <summary>The one hyperparameter rule set, checked against sagemaker-xgboost-container v1.7-1's hyperparameter_validation.py.</summary>
public sealed class XgboostHyperparametersTests
{
    [Theory]
    [InlineData("max_bin", "0")]
    [InlineData("learning_rate", "0.2")]
    [InlineData("reg_lambda", "3")]
    [InlineData("num_parallel_tree", "4")]
    [InlineData("eval_metric", "error@0.6,auc")]
    [InlineData("eval_metric", "f1")]
    [InlineData("objective", "reg:absoluteerror")]
    public void Values_the_container_accepts_are_accepted(string name, string value) =>
        Assert.Null(XgboostHyperparameters.Problem(name, value));

    [Theory]
    [InlineData("learning_rate", "1.5", "1.5 is outside [0, 1].")]
    [InlineData("seed", "2147483647", "2147483647 is outside (-2147483648, 2147483647).")]
    [InlineData("objective", "reg:quantileerror", "'reg:quantileerror' is not one of")]
    [InlineData("eval_metric", "recall@0.5", "Metric 'recall@0.5' is not supported. Parameter 'eval_metric' with customized threshold")]
    [InlineData("subsample", "0", "0 is outside (0, 1].")]
    public void Values_the_container_rejects_are_rejected_with_the_range(string name, string value, string problem) =>
        Assert.StartsWith(problem, XgboostHyperparameters.Problem(name, value));

    [Fact]
    public void A_set_is_validated_as_the_container_does_unknown_names_ranges_then_dependencies()
    {
        var problems = XgboostHyperparameters.Validate(new Dictionary<string, string>
        {
            ["objective"] = "reg:squarederror", ["eval_metric"] = "auc", ["etaa"] = "0.1", ["max_depth"] = "-1",
        });

        Assert.Equal(
        [
            "Extraneous hyperparameter found: etaa",
            "Hyperparameter max_depth: -1 is outside [0, ∞).",
            "Missing required hyperparameter: num_round",
            "Metric 'auc' can only be applied for classification and ranking problems.",
        ], problems);
    }

    [Fact]
    public void Defaults_are_xgboosts_own_so_an_absent_objective_is_squared_error()
    {
        var given = new Dictionary<string, string> { ["num_round"] = "10", ["eta"] = "0.1" };

        Assert.Equal("reg:squarederror", XgboostHyperparameters.Effective(given, "objective"));
        Assert.Equal("0.1", XgboostHyperparameters.Effective(given, "eta"));
        Assert.Equal("6", XgboostHyperparameters.Effective(given, "max_depth"));
        Assert.Null(XgboostHyperparameters.Effective(given, "early_stopping_rounds"));
    }

    [Fact]
    public void Monotone_constraints_need_the_exact_or_hist_tree_method()
    {
        var problems = XgboostHyperparameters.Validate(new Dictionary<string, string>
        {
            ["num_round"] = "10", ["monotone_constraints"] = "(1,0)", ["tree_method"] = "approx",
        });

        Assert.Equal(["monotone_constraints can be used only when the tree_method parameter is set to either 'exact' or 'hist'."], problems);
    }
}
