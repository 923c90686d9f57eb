using System.Text.Json.Serialization;

namespace TrainingOrchestration.Tasks.Evaluation;

/// <summary>
/// Counts of a binary classifier's outcomes at a decision threshold. The rule, shared by the evaluation Lambda and the
/// local run report: a row is predicted positive iff its score is strictly above the threshold (0.5 by default). That
/// is XGBoost's own rule: <c>XGBClassifier.predict</c> sets <c>column_indexes[class_probs &gt; 0.5] = 1</c>
/// (dmlc/xgboost python-package/xgboost/sklearn.py), and its <c>error</c> metric "will regard the instances with
/// prediction value larger than 0.5 as positive" (https://xgboost.readthedocs.io/en/stable/parameter.html), so
/// accuracy here equals <c>1 − error</c> of the SageMaker training job on the same rows.
/// </summary>
public sealed record ConfusionMatrix(
    [property: JsonPropertyName("truePositives")] long TruePositives,
    [property: JsonPropertyName("falsePositives")] long FalsePositives,
    [property: JsonPropertyName("trueNegatives")] long TrueNegatives,
    [property: JsonPropertyName("falseNegatives")] long FalseNegatives)
{
    public const double DefaultThreshold = 0.5;

    [JsonIgnore]
    public long Total => TruePositives + FalsePositives + TrueNegatives + FalseNegatives;

    /// <summary>The decision rule: positive iff <paramref name="score"/> is above <paramref name="threshold"/>.</summary>
    public static bool PredictsPositive(double score, double threshold = DefaultThreshold) => score > threshold;

    /// <summary>Counts <paramref name="rows"/> (score, actual label) at <paramref name="threshold"/>.</summary>
    public static ConfusionMatrix Count(IEnumerable<(double Score, bool Actual)> rows, double threshold = DefaultThreshold)
    {
        ArgumentNullException.ThrowIfNull(rows);
        long tp = 0, fp = 0, tn = 0, fn = 0;
        foreach (var (score, actual) in rows)
        {
            var predicted = PredictsPositive(score, threshold);
            if (predicted && actual) tp++;
            else if (predicted) fp++;
            else if (actual) fn++;
            else tn++;
        }
        return new ConfusionMatrix(tp, fp, tn, fn);
    }
}
