using TrainingOrchestration.LocalRuntime.SageMaker;
using TrainingOrchestration.LocalRuntime.SageMaker.Xgboost;

namespace TrainingOrchestration.LocalRuntime.Tests.SageMaker;

/// <summary>The metrics SageMaker's XGBoost container computes itself (custom_metrics.py), checked by hand.</summary>
public sealed class ContainerMetricsTests
{
    private static readonly float[] BinaryLabels = [0, 0, 1, 1];
    private static readonly float[] BinaryMargins = [-1f, 0.5f, 2f, -0.2f]; // predicted classes 0, 1, 1, 0

    [Theory]
    [InlineData("accuracy", 0.5)]
    [InlineData("precision", 0.5)]
    [InlineData("recall", 0.5)]
    [InlineData("f1_binary", 0.5)]
    [InlineData("f1", 0.5)]
    [InlineData("balanced_accuracy", 0.5)]
    [InlineData("mse", 0.9225)]
    [InlineData("mae", 0.925)]
    [InlineData("r2", -2.69)]
    public void Binary_metrics_use_the_margin_and_its_sign_as_the_container_does(string metric, double expected) =>
        Assert.Equal(expected, ContainerMetrics.Compute(metric, BinaryLabels, BinaryMargins, 1), 6);

    [Theory]
    [InlineData("accuracy", 0.75)]
    [InlineData("f1_macro", 7.0 / 9)]
    [InlineData("precision_macro", 2.5 / 3)]
    [InlineData("recall_macro", 2.5 / 3)]
    [InlineData("precision_micro", 0.75)]
    public void Multi_class_metrics_take_the_arg_max_class(string metric, double expected)
    {
        float[] labels = [0, 1, 2, 2];
        float[] margins = [2, 0, 0, 0, 1, 0, 0, 3, 1, 0, 0, 5]; // predicted classes 0, 1, 1, 2

        Assert.Equal(expected, ContainerMetrics.Compute(metric, labels, margins, 3), 6);
    }

    [Fact]
    public void A_binary_only_metric_on_three_classes_fails_with_the_containers_client_error()
    {
        var error = Assert.Throws<AlgorithmFailure>(() => ContainerMetrics.Compute("f1_binary", [0, 1, 2], [1, 0, 0, 0, 1, 0, 0, 0, 1], 3));

        Assert.StartsWith("ClientError: Target is multiclass but average='binary'", error.FailureReason);
    }

    [Fact]
    public void Container_metrics_are_reported_beside_xgboosts_and_only_xgboosts_go_to_the_library()
    {
        var train = SyntheticChannel.Create("train", 400, 3, SyntheticChannel.Binary);
        var validation = SyntheticChannel.Create("validation", 200, 3, SyntheticChannel.Binary, seed: 12);
        var hyperparameters = new Dictionary<string, string> { ["objective"] = "binary:logistic", ["eval_metric"] = "auc,accuracy,f1", ["num_round"] = "10" };

        var settings = TrainingSettings.From(hyperparameters);
        var model = new XgboostTrainer().Train(train, validation, hyperparameters);

        Assert.Equal(["accuracy", "f1"], settings.ComputedByContainer);
        Assert.Equal(["auc"], settings.LibraryParameters.Where(p => p.Key == "eval_metric").Select(p => p.Value));
        Assert.Equal(["train:accuracy", "train:auc", "train:f1", "validation:accuracy", "validation:auc", "validation:f1"], model.FinalMetrics.Keys);
        Assert.InRange(model.FinalMetrics["validation:accuracy"], 0.8, 1.0);
    }

    [Fact]
    public void With_only_container_metrics_xgboost_reports_the_objectives_default_metric_too()
    {
        var train = SyntheticChannel.Create("train", 300, 3, SyntheticChannel.Linear);

        var model = new XgboostTrainer().Train(train, null, new Dictionary<string, string>
        {
            ["objective"] = "reg:squarederror", ["eval_metric"] = "r2", ["num_round"] = "20",
        });

        Assert.Equal(["train:r2", "train:rmse"], model.FinalMetrics.Keys);
        Assert.InRange(model.FinalMetrics["train:r2"], 0.9, 1.0);
    }
}
