using TrainingOrchestration.LocalRuntime.SageMaker;
using TrainingOrchestration.LocalRuntime.SageMaker.Xgboost;
using TrainingOrchestration.LocalRuntime.Tests.Glue;

namespace TrainingOrchestration.LocalRuntime.Tests.SageMaker;

/// <summary>
/// <see cref="RocAuc"/> gives libxgboost 1.7.4's own <c>auc</c> to the last bit (XGBoosterEvalOneIter prints 17
/// decimals, so the parsed value is the library's double), and training with it ends in the same model.
/// </summary>
public sealed class RocAucTests
{
    private static readonly Dictionary<string, string> Churn = new()
    {
        ["objective"] = "binary:logistic", ["eval_metric"] = "auc", ["max_depth"] = "4", ["eta"] = "0.05",
        ["subsample"] = "0.8", ["colsample_bytree"] = "0.8", ["min_child_weight"] = "1", ["tree_method"] = "hist",
    };

    [Fact]
    public void Every_rounds_auc_on_the_churn_channels_equals_the_librarys_to_the_last_bit()
    {
        using var ws = new FeatureWorkspace().WithChurnSample();
        ws.Run("r1");
        using var train = DMatrix.LoadCsvQuantized([ws.FeaturesFile("r1", "train")], maxBin: 256);
        using var validation = DMatrix.LoadCsv([ws.FeaturesFile("r1", "validation")]);

        AssertSameAucEachRound(Churn, rounds: 40, train, validation);
    }

    [Fact]
    public void Ties_fractional_labels_and_negative_raw_scores_give_the_librarys_auc()
    {
        // Two binary features and depth-1 trees: a handful of distinct predictions, each shared by many rows, so the
        // order within ties and the trapezoids between them decide the value; labels in [0, 1] that are not 0 or 1
        // make the float sums order-sensitive; logitraw scores are negative as well as positive.
        var train = SyntheticChannel.Create("train", 3000, 3, Fractional);
        var validation = SyntheticChannel.Create("validation", 1000, 3, Fractional, seed: 12);
        Coarsen(train);
        Coarsen(validation);
        using var trainMatrix = new DMatrix(train, withLabels: true);
        using var validationMatrix = new DMatrix(validation, withLabels: true);
        foreach (var objective in new[] { "binary:logistic", "binary:logitraw" })
        {
            var parameters = new Dictionary<string, string> { ["objective"] = objective, ["eval_metric"] = "auc", ["max_depth"] = "1", ["eta"] = "0.3" };
            AssertSameAucEachRound(parameters, rounds: 12, trainMatrix, validationMatrix);
        }
    }

    [Fact]
    public void A_set_with_one_class_or_a_nan_prediction_is_left_to_the_library()
    {
        var auc = new RocAuc();

        Assert.Null(auc.Binary([0.1f, 0.2f, 0.3f], [1f, 1f, 1f]));
        Assert.Null(auc.Binary([0.1f, 0.2f, 0.3f], [0f, 0f, 0f]));
        Assert.Null(auc.Binary([0.1f, float.NaN, 0.3f], [0f, 1f, 0f]));
        Assert.Null(auc.Binary([0.1f, 0.2f, 0.3f, 0.4f], [0f, 1f])); // multi-class: two predictions a row
        Assert.Equal(0.875, auc.Binary([0.9f, 0.5f, 0.5f, 0.1f], [1f, 0f, 1f, 0f]));
        Assert.Equal(1.0, auc.Binary([-0f, 2f, 0f, -3f], [0f, 1f, 0f, 0f]));
    }

    [Fact]
    public void Training_with_its_own_auc_ends_in_the_model_and_metrics_of_the_librarys_evaluation()
    {
        var train = SyntheticChannel.Create("train", 2000, 4, SyntheticChannel.Binary);
        var validation = SyntheticChannel.Create("validation", 600, 4, SyntheticChannel.Binary, seed: 12);
        var parameters = new Dictionary<string, string>(Churn) { ["num_round"] = "80", ["early_stopping_rounds"] = "5", ["eta"] = "0.3" };

        var own = new XgboostTrainer().Train(train, validation, parameters);
        var library = new XgboostTrainer { LibraryEvaluationOnly = true }.Train(train, validation, parameters);

        Assert.NotNull(own.BestIteration);
        Assert.Equal(library.BestIteration, own.BestIteration);
        Assert.Equal(library.Rounds, own.Rounds);
        Assert.Equal(library.FinalMetrics, own.FinalMetrics);
        Assert.Equal(library.Model, own.Model);
    }

    private static void AssertSameAucEachRound(IReadOnlyDictionary<string, string> parameters, int rounds, DMatrix train, DMatrix validation)
    {
        using var booster = Booster.Create(train, validation);
        foreach (var (name, value) in parameters) booster.SetParam(name, value);
        var auc = new RocAuc();
        List<(DMatrix Data, string Name)> sets = [(train, "train"), (validation, "validation")];
        for (var round = 0; round < rounds; round++)
        {
            booster.UpdateOneIteration(round, train);
            var library = EvaluationLine.Parse(booster.Evaluate(round, sets));
            for (var s = 0; s < sets.Count; s++)
            {
                var own = auc.Binary(booster.Predict(sets[s].Data).Values, sets[s].Data.Labels);
                Assert.True(own == library[s].Value, $"round {round}, {sets[s].Name}: ours {own:R}, the library's {library[s].Value:R} ({parameters["objective"]})");
            }
        }
    }

    private static float Fractional(float[] row) => row[0] > 0.5f ? 0.7f : row[2] > 0.8f ? 1f : 0.2f;

    /// <summary>Features rounded to 0 or 1, so trees can only take a few distinct paths.</summary>
    private static void Coarsen(ChannelData channel)
    {
        for (var i = 0; i < channel.Features.Length; i++) channel.Features[i] = channel.Features[i] > 0.5f ? 1f : 0f;
    }
}
