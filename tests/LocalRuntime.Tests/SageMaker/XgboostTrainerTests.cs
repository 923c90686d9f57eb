using TrainingOrchestration.LocalRuntime.SageMaker;
using TrainingOrchestration.LocalRuntime.SageMaker.Xgboost;
using TrainingOrchestration.LocalRuntime.Tests.Glue;
using Xunit.Abstractions;

namespace TrainingOrchestration.LocalRuntime.Tests.SageMaker;

public sealed class XgboostTrainerTests(ITestOutputHelper output)
{
    private static readonly Dictionary<string, string> ChurnHyperparameters = new()
    {
        ["objective"] = "binary:logistic",
        ["eval_metric"] = "auc",
        ["num_round"] = "300",
        ["max_depth"] = "4",
        ["eta"] = "0.05",
        ["subsample"] = "0.8",
        ["colsample_bytree"] = "0.8",
        ["min_child_weight"] = "1",
    };

    [Fact]
    public void Churn_features_train_a_model_that_reaches_test_auc_of_at_least_0_80_with_libxgboost_1_7_4()
    {
        using var ws = new FeatureWorkspace().WithChurnSample();
        ws.Run("r1");
        var train = CsvChannelReader.Read("train", [ws.FeaturesFile("r1", "train")], labelled: true);
        var validation = CsvChannelReader.Read("validation", [ws.FeaturesFile("r1", "validation")], labelled: true);
        var test = CsvChannelReader.Read("test", [ws.FeaturesFile("r1", "test")], labelled: true);

        var model = new XgboostTrainer().Train(train, validation, ChurnHyperparameters);
        var testAuc = BinaryClassificationMetrics.Auc(test.Labels, Predict(model, test));

        output.WriteLine($"test AUC {testAuc:F4}; final metrics {string.Join(", ", model.FinalMetrics.Select(m => $"{m.Key}={m.Value}"))}");
        Assert.Equal(XgboostLibrary.ContainerVersion, model.LibraryVersion);
        Assert.True(testAuc >= 0.80, $"test AUC {testAuc:F4} below 0.80");
        Assert.Equal(["train:auc", "validation:auc"], model.FinalMetrics.Keys);
        Assert.InRange(model.FinalMetrics["validation:auc"], 0.80, 1.0);
        Assert.Equal(300, model.Rounds);
        Assert.Null(model.BestIteration);
    }

    [Fact]
    public void Without_eval_metric_the_final_metrics_are_xgboosts_default_for_the_objective()
    {
        var train = SyntheticChannel.Create("train", 400, 3, SyntheticChannel.Binary);
        var validation = SyntheticChannel.Create("validation", 200, 3, SyntheticChannel.Binary, seed: 12);

        var model = new XgboostTrainer().Train(train, validation, new Dictionary<string, string> { ["objective"] = "binary:logistic", ["num_round"] = "5" });

        Assert.Equal(["train:logloss", "validation:logloss"], model.FinalMetrics.Keys);
        Assert.Equal(Math.Round(model.FinalMetrics["validation:logloss"], 5), model.FinalMetrics["validation:logloss"]);
    }

    [Fact]
    public void Early_stopping_keeps_the_best_round_only_when_early_stopping_rounds_is_set()
    {
        var train = SyntheticChannel.Create("train", 300, 4, SyntheticChannel.Binary);
        var validation = SyntheticChannel.Create("validation", 150, 4, SyntheticChannel.Binary, seed: 12);
        var hyperparameters = new Dictionary<string, string>
        {
            ["objective"] = "binary:logistic", ["eval_metric"] = "logloss", ["num_round"] = "200", ["eta"] = "0.5", ["max_depth"] = "8",
        };

        var full = new XgboostTrainer().Train(train, validation, hyperparameters);
        var stopped = new XgboostTrainer().Train(train, validation, new Dictionary<string, string>(hyperparameters) { ["early_stopping_rounds"] = "5" });

        Assert.Equal(200, full.Rounds);
        Assert.NotNull(stopped.BestIteration);
        Assert.Equal(stopped.BestIteration + 1, stopped.Rounds);
        Assert.True(stopped.Rounds < 100, $"kept {stopped.Rounds} rounds");
    }

    [Fact]
    public void Regression_with_reg_squarederror_reports_rmse_and_predicts_values()
    {
        var train = SyntheticChannel.Create("train", 500, 3, SyntheticChannel.Linear);
        var validation = SyntheticChannel.Create("validation", 200, 3, SyntheticChannel.Linear, seed: 12);

        var model = new XgboostTrainer().Train(train, validation, new Dictionary<string, string>
        {
            ["objective"] = "reg:squarederror", ["num_round"] = "100", ["eta"] = "0.3",
        });
        var predictions = Predict(model, validation);

        Assert.Equal(["train:rmse", "validation:rmse"], model.FinalMetrics.Keys);
        Assert.InRange(model.FinalMetrics["validation:rmse"], 0, 0.2);
        Assert.InRange(predictions.Max(), 2.5f, 4f);
    }

    [Fact]
    public void Multi_class_softprob_predicts_one_probability_per_class_and_softmax_the_class_index()
    {
        var train = SyntheticChannel.Create("train", 600, 2, SyntheticChannel.ThreeClasses);
        var validation = SyntheticChannel.Create("validation", 300, 2, SyntheticChannel.ThreeClasses, seed: 12);
        var hyperparameters = new Dictionary<string, string> { ["objective"] = "multi:softprob", ["num_class"] = "3", ["num_round"] = "20" };

        var softprob = new XgboostTrainer().Train(train, validation, hyperparameters);
        var softmax = new XgboostTrainer().Train(train, validation, new Dictionary<string, string>(hyperparameters) { ["objective"] = "multi:softmax" });
        using var probabilities = Booster.Load(softprob.Model);
        using var classes = Booster.Load(softmax.Model);
        using var data = new DMatrix(validation, withLabels: false);
        var (values, shape) = probabilities.Predict(data);
        var (indices, _) = classes.Predict(data);

        Assert.Equal(["train:mlogloss", "validation:mlogloss"], softprob.FinalMetrics.Keys);
        Assert.Equal([300UL, 3UL], shape);
        Assert.Equal(1.0, values[0] + values[1] + values[2], 5);
        var correct = Enumerable.Range(0, 300).Count(i => indices[i] == validation.Labels[i]);
        Assert.True(correct > 270, $"{correct} of 300 classes right");
    }

    [Fact]
    public void A_missing_num_round_fails_like_the_xgboost_container_with_a_client_error()
    {
        var error = Assert.Throws<AlgorithmFailure>(() => TrainingSettings.From(new Dictionary<string, string> { ["eta"] = "0.1" }));

        Assert.Equal("ClientError: Missing required hyperparameter: num_round", error.FailureReason);
    }

    [Fact]
    public void An_out_of_range_eta_is_rejected_naming_the_hyperparameter_and_its_range()
    {
        var error = Assert.Throws<AlgorithmFailure>(() =>
            TrainingSettings.From(new Dictionary<string, string> { ["num_round"] = "10", ["eta"] = "1.5" }));

        Assert.Equal("ClientError: Hyperparameter eta: 1.5 is outside [0, 1].", error.FailureReason);
    }

    [Fact]
    public void Hyperparameters_pass_to_xgboost_except_the_containers_own_and_each_eval_metric_separately()
    {
        var settings = TrainingSettings.From(new Dictionary<string, string>(ChurnHyperparameters)
        {
            ["eval_metric"] = "logloss,auc", ["early_stopping_rounds"] = "10",
        });

        Assert.Equal(300, settings.NumRound);
        Assert.Equal("auc", settings.EarlyStoppingMetric);
        Assert.DoesNotContain(settings.LibraryParameters, p => p.Key is "num_round" or "early_stopping_rounds");
        Assert.Equal(["logloss", "auc"], settings.LibraryParameters.Where(p => p.Key == "eval_metric").Select(p => p.Value));
        Assert.Contains(KeyValuePair.Create("max_depth", "4"), settings.LibraryParameters);
    }

    [Fact]
    public void A_stop_request_ends_training_between_rounds()
    {
        var train = SyntheticChannel.Create("train", 2000, 5, SyntheticChannel.Binary);
        using var stop = new CancellationTokenSource();
        stop.Cancel();

        Assert.Throws<OperationCanceledException>(() => new XgboostTrainer().Train(train, null,
            new Dictionary<string, string> { ["objective"] = "binary:logistic", ["num_round"] = "1000" }, stop.Token));
    }

    [Fact]
    public void Labels_outside_0_1_for_logistic_regression_fail_with_the_containers_client_error()
    {
        var train = SyntheticChannel.Create("train", 50, 2, SyntheticChannel.Linear);

        var error = Assert.Throws<AlgorithmFailure>(() => new XgboostTrainer().Train(train, null,
            new Dictionary<string, string> { ["objective"] = "binary:logistic", ["num_round"] = "2" }));

        Assert.StartsWith("ClientError:", error.FailureReason);
        Assert.Contains("label must be in [0,1] for logistic regression", error.FailureReason);
    }

    [Fact]
    public void The_model_file_is_xgboosts_binary_format_as_save_model_writes_a_name_without_extension()
    {
        var model = new XgboostTrainer().Train(SyntheticChannel.Create("train", 100, 2, SyntheticChannel.Binary), null,
            new Dictionary<string, string> { ["objective"] = "binary:logistic", ["num_round"] = "3" });

        Assert.NotEqual((byte)'{', model.Model[0]);
        using var reloaded = Booster.Load(model.Model);
        Assert.Equal(3, reloaded.BoostedRounds());
    }

    [Fact]
    public void A_text_cell_in_a_channel_fails_with_the_containers_client_error_naming_file_and_line()
    {
        var file = Path.Combine(Path.GetTempPath(), Guid.NewGuid() + ".csv");
        File.WriteAllText(file, "1,2.5,3\n0,abc,4\n");
        try
        {
            var error = Assert.Throws<AlgorithmFailure>(() => CsvChannelReader.Read("train", [file], labelled: true));

            Assert.StartsWith("ClientError: Unable to read data channel 'train'", error.FailureReason);
            Assert.Contains("line 2", error.FailureReason);
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Theory]
    [InlineData(0.9f, "0.8999999761581421")]
    [InlineData(2f, "2.0")]
    [InlineData(1e-5f, "9.999999747378752e-06")]
    [InlineData(0.25f, "0.25")]
    public void Predictions_are_written_as_pythons_str_of_the_float(float value, string expected) =>
        Assert.Equal(expected, PythonFloat.Format(value));

    private static float[] Predict(TrainedModel model, ChannelData data)
    {
        using var booster = Booster.Load(model.Model);
        using var matrix = new DMatrix(data, withLabels: false);
        return booster.Predict(matrix).Values;
    }
}
