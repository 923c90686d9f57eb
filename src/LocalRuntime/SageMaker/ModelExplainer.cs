using TrainingOrchestration.LocalRuntime.SageMaker.Xgboost;

namespace TrainingOrchestration.LocalRuntime.SageMaker;

/// <summary>
/// Explains a trained model with XGBoost itself: gain importance (<c>XGBoosterFeatureScore</c>,
/// <c>importance_type=gain</c>, as <c>Booster.get_score</c>) and a SHAP summary, the mean |contribution| of each
/// feature over a data set (<c>XGBoosterPredictFromDMatrix</c> type 2, as <c>predict(pred_contribs=True)</c>; for a
/// multi-class model each class's block separately and their mean; the bias column left out).
/// </summary>
public static class ModelExplainer
{
    /// <param name="featureNames">The channel's feature columns in order; XGBoost's <c>f0</c>, <c>f1</c>... when null.</param>
    public static IReadOnlyList<FeatureAttribution> Explain(byte[] model, ChannelData data, IReadOnlyList<string>? featureNames = null)
    {
        using var booster = Booster.Load(model);
        var gain = booster.FeatureScore("gain");
        var shap = new double[data.FeatureCount];
        double[,]? byClass = null;
        if (data.Rows > 0)
        {
            using var matrix = new DMatrix(data, withLabels: false);
            var (values, shape) = booster.Predict(matrix, type: 2, strictShape: true);
            // strict_shape: (rows, groups, features + 1), the last column being the bias.
            var groups = (int)shape[1];
            var width = (int)shape[2];
            var perClass = new double[groups, data.FeatureCount];
            for (var r = 0; r < (int)shape[0]; r++)
            {
                for (var g = 0; g < groups; g++)
                {
                    var offset = (r * groups + g) * width;
                    for (var f = 0; f < data.FeatureCount; f++) perClass[g, f] += Math.Abs(values[offset + f]);
                }
            }
            for (var g = 0; g < groups; g++)
            {
                for (var f = 0; f < shap.Length; f++)
                {
                    perClass[g, f] /= data.Rows;
                    shap[f] += perClass[g, f] / groups;
                }
            }
            if (groups > 1) byClass = perClass;
        }
        return Enumerable.Range(0, data.FeatureCount)
            .Select(f => new FeatureAttribution(
                featureNames is not null && f < featureNames.Count ? featureNames[f] : $"f{f}",
                gain.GetValueOrDefault($"f{f}"),
                shap[f],
                byClass is null ? null : Enumerable.Range(0, byClass.GetLength(0)).Select(g => byClass[g, f]).ToList()))
            .OrderByDescending(a => a.MeanAbsShap)
            .ToList();
    }
}
