using TrainingOrchestration.Pipelines.Spec;
using TrainingOrchestration.Tasks.Evaluation;

namespace TrainingOrchestration.Tasks.Tests.Evaluation;

public sealed class ProblemTypeMetricsTests
{
    [Fact]
    public void Regression_metrics_are_scikit_learns()
    {
        // sklearn: mean_squared_error(..)**0.5 = 0.6123724356957945, mean_absolute_error = 0.5, r2_score = 0.9486081370449679
        var metrics = RegressionMetrics.Compute([3, -0.5, 2, 7], [2.5, 0.0, 2, 8]);

        Assert.Equal(0.6123724356957945, metrics.Values[ModelMetricNames.Rmse], 12);
        Assert.Equal(0.5, metrics.Values[ModelMetricNames.Mae], 12);
        Assert.Equal(0.9486081370449679, metrics.Values[ModelMetricNames.R2], 12);
    }

    [Fact]
    public void R2_of_a_constant_label_is_undefined_with_the_reason()
    {
        var metrics = RegressionMetrics.Compute([2, 2, 2], [1, 2, 3]);

        Assert.False(metrics.Values.ContainsKey(ModelMetricNames.R2));
        Assert.Contains("same value", metrics.Undefined[ModelMetricNames.R2]);
    }

    [Fact]
    public void Multiclass_metrics_are_scikit_learns()
    {
        int[] labels = [0, 1, 2, 2];
        double[][] probabilities = [[0.7, 0.2, 0.1], [0.3, 0.4, 0.3], [0.1, 0.6, 0.3], [0.2, 0.2, 0.6]];

        var metrics = MulticlassMetrics.Compute(labels, probabilities, 3);

        // sklearn: log_loss = 0.7084201288357934 (mean of -ln 0.7, -ln 0.4, -ln 0.3, -ln 0.6), accuracy 0.75,
        // f1_score(average="macro") with predictions [0, 1, 1, 2] = (1 + 2/3 + 2/3) / 3
        Assert.Equal((-Math.Log(0.7) - Math.Log(0.4) - Math.Log(0.3) - Math.Log(0.6)) / 4, metrics.Values[ModelMetricNames.LogLoss], 12);
        Assert.Equal(0.75, metrics.Values[ModelMetricNames.Accuracy], 12);
        Assert.Equal((1 + 2.0 / 3 + 2.0 / 3) / 3, metrics.Values[ModelMetricNames.MacroF1], 12);
    }

    [Fact]
    public void A_label_outside_the_classes_is_refused_with_its_row()
    {
        var error = Assert.Throws<ArgumentException>(() => MulticlassMetrics.Compute([0, 3], [[1, 0, 0], [0, 1, 0]], 3));

        Assert.Contains("row 2", error.Message);
    }

    [Fact]
    public void A_scored_multiclass_split_gives_the_same_metrics_and_its_confusion_matrix()
    {
        var set = new PredictionSet(ProblemType.Multiclass, 3);
        set.AddClass(0, [0.7, 0.2, 0.1]);
        set.AddClass(1, [0.3, 0.4, 0.3]);
        set.AddClass(2, [0.1, 0.6, 0.3]);
        set.AddClass(2, [0.2, 0.2, 0.6]);

        var metrics = ProblemMetrics.Compute(set, out var binaryConfusion);
        var confusion = MulticlassMetrics.Confusion(set.Targets, set.Probabilities, 3);

        Assert.Null(binaryConfusion);
        Assert.Equal(0.75, metrics.Values[ModelMetricNames.Accuracy], 12);
        Assert.Equal((1 + 2.0 / 3 + 2.0 / 3) / 3, metrics.Values[ModelMetricNames.MacroF1], 12);
        // rows: true class; columns: most probable class. The third row (class 2) was predicted 1.
        Assert.Equal(new[,] { { 1, 0, 0 }, { 0, 1, 0 }, { 0, 1, 1 } }, confusion);
    }

    [Fact]
    public void Ties_go_to_the_lower_class_as_numpys_argmax()
    {
        var confusion = MulticlassMetrics.Confusion([1], [0.4, 0.4, 0.2], 3);

        Assert.Equal(1, confusion[1, 0]);
    }

    [Fact]
    public void Log_loss_clips_a_zero_probability_of_the_true_class_as_scikit_learn()
    {
        var metrics = MulticlassMetrics.Compute([0], [0.0, 1.0], 2);

        Assert.Equal(-Math.Log(1e-15), metrics.Values[ModelMetricNames.LogLoss], 9);
    }

    [Fact]
    public void A_scored_regression_split_gives_scikit_learns_metrics()
    {
        var set = new PredictionSet(ProblemType.Regression);
        foreach (var (label, prediction) in new[] { (3.0, 2.5), (-0.5, 0.0), (2.0, 2.0), (7.0, 8.0) }) set.AddValue(label, prediction);

        var metrics = ProblemMetrics.Compute(set);

        Assert.Equal(0.6123724356957945, metrics.Values[ModelMetricNames.Rmse], 12);
        Assert.Equal(0.9486081370449679, metrics.Values[ModelMetricNames.R2], 12);
    }

    [Fact]
    public void A_resample_keeps_the_problem_type_and_repeats_rows()
    {
        var set = new PredictionSet(ProblemType.Multiclass, 3);
        set.AddClass(0, [0.7, 0.2, 0.1]);
        set.AddClass(2, [0.2, 0.2, 0.6]);

        var sample = set.Select([1, 1, 0]);

        Assert.Equal(ProblemType.Multiclass, sample.Problem);
        Assert.Equal([2.0, 2.0, 0.0], sample.Targets.ToArray());
        Assert.Equal([0.2, 0.2, 0.6, 0.2, 0.2, 0.6, 0.7, 0.2, 0.1], sample.Probabilities.ToArray());
    }

    [Fact]
    public void A_set_refuses_rows_of_another_problem_type()
    {
        var set = new PredictionSet(ProblemType.Regression);

        var error = Assert.Throws<InvalidOperationException>(() => set.Add(true, 0.5));

        Assert.Contains("regression", error.Message);
    }
}
