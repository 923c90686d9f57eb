using TrainingOrchestration.LocalRuntime.SageMaker;
using TrainingOrchestration.LocalRuntime.SageMaker.Xgboost;

namespace TrainingOrchestration.LocalRuntime.Tests.SageMaker;

public sealed class ModelExplainerTests
{
    [Fact]
    public void The_feature_that_decides_the_label_leads_by_shap_and_gain_and_an_unused_one_scores_zero()
    {
        // The label depends on the first feature only; the third is constant, so no tree can split on it.
        var train = SyntheticChannel.Create("train", 800, 3, row => row[0] > 0.5f ? 1 : 0);
        for (var r = 0; r < train.Rows; r++) train.Features[r * 3 + 2] = 1f;
        var model = new XgboostTrainer().Train(train, null, new Dictionary<string, string> { ["objective"] = "binary:logistic", ["num_round"] = "20" });

        var attributions = ModelExplainer.Explain(model.Model, train, ["tenure", "noise", "constant"]);

        Assert.Equal("tenure", attributions[0].Feature);
        Assert.True(attributions[0].MeanAbsShap > 10 * attributions[1].MeanAbsShap, string.Join(", ", attributions));
        Assert.True(attributions[0].Gain > 0);
        var constant = Assert.Single(attributions, a => a.Feature == "constant");
        Assert.Equal(0, constant.Gain);
        Assert.Equal(0, constant.MeanAbsShap);
    }

    [Fact]
    public void Shap_values_are_xgboosts_contributions_that_add_up_to_the_margin()
    {
        var data = SyntheticChannel.Create("train", 300, 2, SyntheticChannel.Binary);
        var model = new XgboostTrainer().Train(data, null, new Dictionary<string, string> { ["objective"] = "binary:logistic", ["num_round"] = "10" });
        using var booster = Booster.Load(model.Model);
        using var matrix = new DMatrix(data, withLabels: false);

        var (contributions, shape) = booster.Predict(matrix, type: 2, strictShape: true);
        var (margins, _) = booster.Predict(matrix, type: 1);

        Assert.Equal([300UL, 1UL, 3UL], shape);
        for (var r = 0; r < 300; r++) Assert.Equal(margins[r], contributions[r * 3] + contributions[r * 3 + 1] + contributions[r * 3 + 2], 4);
    }

    [Fact]
    public void A_multi_class_model_is_explained_over_every_class_with_feature_names_defaulting_to_xgboosts()
    {
        var data = SyntheticChannel.Create("train", 600, 2, SyntheticChannel.ThreeClasses);
        var model = new XgboostTrainer().Train(data, null, new Dictionary<string, string>
        {
            ["objective"] = "multi:softprob", ["num_class"] = "3", ["num_round"] = "10",
        });

        var attributions = ModelExplainer.Explain(model.Model, data);

        Assert.Equal(["f0", "f1"], attributions.Select(a => a.Feature));
        Assert.True(attributions[0].MeanAbsShap > attributions[1].MeanAbsShap);
        // One contribution block per class: each class's mean |SHAP| is kept, and the summary is their mean.
        Assert.All(attributions, a => Assert.Equal(3, a.MeanAbsShapByClass!.Count));
        Assert.All(attributions, a => Assert.Equal(a.MeanAbsShapByClass!.Average(), a.MeanAbsShap, 9));
    }

    [Fact]
    public void A_single_output_model_has_no_per_class_contributions()
    {
        var data = SyntheticChannel.Create("train", 300, 2, SyntheticChannel.ThreeClasses);
        var model = new XgboostTrainer().Train(data, null, new Dictionary<string, string> { ["objective"] = "reg:squarederror", ["num_round"] = "5" });

        Assert.All(ModelExplainer.Explain(model.Model, data), a => Assert.Null(a.MeanAbsShapByClass));
    }
}
