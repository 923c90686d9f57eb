using TrainingOrchestration.Pipelines.Spec;

namespace TrainingOrchestration.Pipelines.Tests.Loading;

/// <summary>
/// The problem type comes from <c>training.hyperparameters.objective</c>; the loader refuses objectives the evaluation
/// cannot score and metrics that do not fit the type, naming the field.
/// </summary>
public sealed class ProblemTypeSpecTests
{
    private const string BinaryTraining = "    objective: binary:logistic\n    eval_metric: auc\n";
    private const string BinaryEvaluation = "  primaryMetric: auc\n  thresholds:\n    auc: { min: 0.80 }\n    log_loss: { max: 0.55 }\n";

    private static PipelineFolder Spec(string training, string evaluation)
    {
        var yaml = PipelineFolder.ValidYaml.Replace("\r\n", "\n", StringComparison.Ordinal);
        Assert.Contains(BinaryTraining, yaml);
        Assert.Contains(BinaryEvaluation, yaml);
        return PipelineFolder.Named("demo", yaml.Replace(BinaryTraining, training, StringComparison.Ordinal).Replace(BinaryEvaluation, evaluation, StringComparison.Ordinal));
    }

    private static PipelineFolder Regression(string evaluation = "  primaryMetric: rmse\n  thresholds:\n    rmse: { max: 3 }\n    r2: { min: 0.9 }\n") =>
        Spec("    objective: reg:squarederror\n    eval_metric: rmse\n", evaluation);

    private static PipelineFolder Multiclass(string numClass = "    num_class: 3\n") =>
        Spec("    objective: multi:softprob\n" + numClass + "    eval_metric: mlogloss\n",
            "  primaryMetric: log_loss\n  thresholds:\n    accuracy: { min: 0.7 }\n    macro_f1: { min: 0.6 }\n");

    [Fact]
    public void A_regression_spec_with_regression_metrics_loads_as_a_regression()
    {
        using var folder = Regression();

        var spec = PipelineSpecLoader.Load(folder.Path);

        Assert.Equal(ProblemType.Regression, ProblemTypes.Of(spec.Training));
        Assert.Equal(ModelMetricNames.Rmse, spec.Evaluation.PrimaryMetric);
        Assert.True(ModelMetricNames.LowerIsBetter(spec.Evaluation.PrimaryMetric));
    }

    [Fact]
    public void A_multiclass_spec_loads_with_its_class_count()
    {
        using var folder = Multiclass();

        var spec = PipelineSpecLoader.Load(folder.Path);

        Assert.Equal(ProblemType.Multiclass, ProblemTypes.Of(spec.Training));
        Assert.Equal(3, ProblemTypes.ClassCount(spec.Training));
    }

    [Fact]
    public void A_multiclass_spec_without_num_class_is_refused_naming_num_class()
    {
        using var folder = Multiclass(numClass: "");

        var error = LoadFailure.Of(folder).On("training.hyperparameters.num_class");

        Assert.Contains("num_class", error.Problem);
    }

    [Theory]
    [InlineData("binary:logitraw", "not a probability")]
    [InlineData("binary:hinge", "only 0 or 1")]
    [InlineData("multi:softmax", "only the class index")]
    [InlineData("rank:pairwise", "query groups")]
    [InlineData("survival:cox", "censoring")]
    public void An_objective_the_evaluation_cannot_score_is_refused_at_its_line(string objective, string why)
    {
        using var folder = PipelineFolder.With("objective: binary:logistic", $"objective: {objective}\n    num_class: 3");

        var error = LoadFailure.Of(folder).On("training.hyperparameters.objective");

        Assert.Contains(why, error.Problem);
        Assert.Equal(LoadFailure.LineOf(folder, $"objective: {objective}"), error.Line);
        Assert.Contains("binary:logistic", error.Fix);
    }

    [Fact]
    public void A_binary_metric_as_the_primary_metric_of_a_regression_is_refused()
    {
        using var folder = Regression("  primaryMetric: auc\n  thresholds:\n    rmse: { max: 3 }\n");

        var error = LoadFailure.Of(folder).On("evaluation.primaryMetric");

        Assert.Contains("regression", error.Problem);
        Assert.Contains("rmse, mae, r2", error.Fix);
    }

    [Fact]
    public void A_threshold_on_a_metric_the_type_does_not_compute_is_refused_naming_the_threshold()
    {
        using var folder = Regression("  primaryMetric: rmse\n  thresholds:\n    log_loss: { max: 0.5 }\n");

        var error = LoadFailure.Of(folder).On("evaluation.thresholds.log_loss");

        Assert.Contains("regression", error.Problem);
    }

    [Fact]
    public void A_regression_metric_on_a_binary_model_is_refused()
    {
        using var folder = PipelineFolder.With("log_loss: { max: 0.55 }", "r2: { min: 0.5 }");

        var error = LoadFailure.Of(folder).On("evaluation.thresholds.r2");

        Assert.Contains("binary classification", error.Problem);
    }

    [Fact]
    public void Multiclass_log_loss_and_macro_f1_are_multiclass_metrics_and_not_binary_ones()
    {
        Assert.Contains(ModelMetricNames.MacroF1, ProblemTypes.Metrics(ProblemType.Multiclass));
        Assert.DoesNotContain(ModelMetricNames.MacroF1, ProblemTypes.Metrics(ProblemType.Binary));
        Assert.DoesNotContain(ModelMetricNames.Auc, ProblemTypes.Metrics(ProblemType.Multiclass));
    }
}
