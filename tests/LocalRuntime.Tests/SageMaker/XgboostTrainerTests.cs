using TrainingOrchestration.LocalRuntime.SageMaker;
using Xunit.Abstractions;
using TrainingOrchestration.LocalRuntime.Tests.Glue;

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
    public void Churn_features_train_a_model_that_reaches_test_auc_of_at_least_0_80()
    {
        using var ws = new FeatureWorkspace().WithChurnSample();
        ws.Run("r1");
        var trainer = new XgboostTrainer();
        var train = CsvChannelReader.Read("train", [ws.FeaturesFile("r1", "train")], labelled: true);
        var validation = CsvChannelReader.Read("validation", [ws.FeaturesFile("r1", "validation")], labelled: true);
        var test = CsvChannelReader.Read("test", [ws.FeaturesFile("r1", "test")], labelled: true);

        var model = trainer.Train(train, validation, XgboostHyperparameters.Parse(ChurnHyperparameters));
        var testAuc = BinaryClassificationMetrics.Auc(test.Labels, trainer.Score(model.Model, test));

        output.WriteLine($"test AUC {testAuc:F4}; final metrics {string.Join(", ", model.FinalMetrics.Select(m => $"{m.Key}={m.Value:F4}"))}");
        Assert.True(testAuc >= 0.80, $"test AUC {testAuc:F4} below 0.80");
        Assert.InRange(model.FinalMetrics["validation:auc"], 0.80, 1.0);
        Assert.True(model.FinalMetrics["train:auc"] >= model.FinalMetrics["validation:auc"] - 0.05);
        Assert.InRange(model.FinalMetrics["validation:logloss"], 0.2, 0.6);
    }

    [SkippableFact]
    public void The_churn_pipelines_own_features_train_a_model_that_reaches_test_auc_of_at_least_0_80()
    {
        var sql = Path.Combine(RepoPaths.Pipelines, "churn", "features.sql");
        Skip.IfNot(File.Exists(sql), "pipelines/churn/features.sql is not in the repository yet");
        using var ws = new FeatureWorkspace(sql).WithChurnSample();
        ws.Run("r1");
        var trainer = new XgboostTrainer();
        var train = CsvChannelReader.Read("train", [ws.FeaturesFile("r1", "train")], labelled: true);
        var validation = CsvChannelReader.Read("validation", [ws.FeaturesFile("r1", "validation")], labelled: true);
        var test = CsvChannelReader.Read("test", [ws.FeaturesFile("r1", "test")], labelled: true);

        var model = trainer.Train(train, validation, XgboostHyperparameters.Parse(ChurnHyperparameters));
        var testAuc = BinaryClassificationMetrics.Auc(test.Labels, trainer.Score(model.Model, test));

        output.WriteLine($"test AUC {testAuc:F4} with pipelines/churn/features.sql");
        Assert.True(testAuc >= 0.80, $"test AUC {testAuc:F4} below 0.80");
    }

    [Fact]
    public void A_missing_num_round_fails_like_the_xgboost_container_with_a_client_error()
    {
        var error = Assert.Throws<AlgorithmFailure>(() => XgboostHyperparameters.Parse(new Dictionary<string, string> { ["eta"] = "0.1" }));

        Assert.Equal("ClientError: Missing required hyperparameter: num_round", error.FailureReason);
    }

    [Fact]
    public void An_out_of_range_eta_is_rejected_naming_the_hyperparameter()
    {
        var error = Assert.Throws<AlgorithmFailure>(() =>
            XgboostHyperparameters.Parse(new Dictionary<string, string> { ["num_round"] = "10", ["eta"] = "1.5" }));

        Assert.StartsWith("ClientError: Hyperparameter eta: value '1.5'", error.FailureReason);
    }

    [Fact]
    public void Xgboost_hyperparameters_map_onto_lightgbm_options()
    {
        var hp = XgboostHyperparameters.Parse(new Dictionary<string, string>(ChurnHyperparameters) { ["lambda"] = "2", ["alpha"] = "0.5" });

        var options = LightGbmMapping.ToOptions(hp, hasValidation: true);

        Assert.Equal(300, options.NumberOfIterations);
        Assert.Equal(0.05, options.LearningRate);
        Assert.Equal(16, options.NumberOfLeaves);
        var booster = (Microsoft.ML.Trainers.LightGbm.GradientBooster.Options)options.Booster;
        Assert.Equal(4, booster.MaximumTreeDepth);
        Assert.Equal(0.8, booster.SubsampleFraction);
        Assert.Equal(1, booster.SubsampleFrequency);
        Assert.Equal(0.8, booster.FeatureFraction);
        Assert.Equal(2, booster.L2Regularization);
        Assert.Equal(0.5, booster.L1Regularization);
        Assert.Equal(30, options.EarlyStoppingRound);
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

    [Fact]
    public void Auc_and_log_loss_match_hand_computed_values()
    {
        float[] labels = [0, 0, 1, 1];
        float[] scores = [0.1f, 0.4f, 0.35f, 0.8f];

        Assert.Equal(0.75, BinaryClassificationMetrics.Auc(labels, scores), 10);
        var expected = -(Math.Log(0.9) + Math.Log(0.6) + Math.Log(0.35) + Math.Log(0.8)) / 4;
        Assert.Equal(expected, BinaryClassificationMetrics.LogLoss(labels, scores), 5);
    }
}
