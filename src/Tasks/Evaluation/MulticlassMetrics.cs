using TrainingOrchestration.Pipelines.Spec;

namespace TrainingOrchestration.Tasks.Evaluation;

/// <summary>
/// Multi-class metrics from per-class probabilities (multi:softprob's output, one row per record): log loss with
/// probabilities clipped to [1e-15, 1 − 1e-15] (scikit-learn's log_loss), accuracy of the most probable class (ties to
/// the lower class, as numpy's argmax), and macro F1 (the unweighted mean of each class's F1; a class with no true
/// and no predicted rows is left out, as scikit-learn does with zero_division only for classes that appear).
/// </summary>
public static class MulticlassMetrics
{
    public static MetricSet Compute(IReadOnlyList<int> labels, IReadOnlyList<double[]> probabilities, int classes)
    {
        if (labels.Count != probabilities.Count) throw new ArgumentException($"{labels.Count} labels but {probabilities.Count} predictions");
        var values = new Dictionary<string, double>(StringComparer.Ordinal);
        var undefined = new Dictionary<string, string>(StringComparer.Ordinal);
        if (labels.Count == 0)
        {
            foreach (var metric in ModelMetricNames.Multiclass) undefined[metric] = "the test split has no rows";
            return new MetricSet(values, undefined);
        }
        var truePositive = new int[classes];
        var predicted = new int[classes];
        var actual = new int[classes];
        double logLoss = 0;
        var correct = 0;
        for (var i = 0; i < labels.Count; i++)
        {
            var row = probabilities[i];
            if (row.Length != classes) throw new ArgumentException($"row {i + 1} has {row.Length} probabilities for {classes} classes");
            var label = labels[i];
            if (label < 0 || label >= classes) throw new ArgumentException($"row {i + 1} has label {label}, outside 0..{classes - 1}");
            logLoss -= Math.Log(Math.Clamp(row[label], ClassificationMetrics.LogLossEpsilon, 1 - ClassificationMetrics.LogLossEpsilon));
            var best = 0;
            for (var k = 1; k < classes; k++) if (row[k] > row[best]) best = k;
            predicted[best]++;
            actual[label]++;
            if (best == label) { correct++; truePositive[label]++; }
        }
        values[ModelMetricNames.LogLoss] = logLoss / labels.Count;
        values[ModelMetricNames.Accuracy] = (double)correct / labels.Count;
        var f1 = Enumerable.Range(0, classes).Where(k => actual[k] + predicted[k] > 0)
            .Select(k => 2.0 * truePositive[k] / (actual[k] + predicted[k])).ToList();
        values[ModelMetricNames.MacroF1] = f1.Average();
        return new MetricSet(values, undefined);
    }
}
