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
        var flat = new double[labels.Count * classes];
        for (var i = 0; i < labels.Count; i++)
        {
            if (probabilities[i].Length != classes) throw new ArgumentException($"row {i + 1} has {probabilities[i].Length} probabilities for {classes} classes");
            probabilities[i].CopyTo(flat, i * classes);
        }
        return Compute(labels.Select(l => (double)l).ToArray(), flat, classes);
    }

    /// <param name="labels">the class index of each row.</param>
    /// <param name="probabilities">each row's class probabilities, <paramref name="classes"/> per row, row after row.</param>
    public static MetricSet Compute(ReadOnlySpan<double> labels, ReadOnlySpan<double> probabilities, int classes)
    {
        if (labels.Length * classes != probabilities.Length) throw new ArgumentException($"{labels.Length} labels but {probabilities.Length} probabilities for {classes} classes");
        var values = new Dictionary<string, double>(StringComparer.Ordinal);
        var undefined = new Dictionary<string, string>(StringComparer.Ordinal);
        if (labels.Length == 0)
        {
            foreach (var metric in ModelMetricNames.Multiclass) undefined[metric] = "the test split has no rows";
            return new MetricSet(values, undefined);
        }
        var confusion = Confusion(labels, probabilities, classes);
        double logLoss = 0;
        for (var i = 0; i < labels.Length; i++)
        {
            var label = (int)labels[i];
            logLoss -= Math.Log(Math.Clamp(probabilities[i * classes + label], ClassificationMetrics.LogLossEpsilon, 1 - ClassificationMetrics.LogLossEpsilon));
        }
        var correct = 0;
        var f1 = new List<double>();
        for (var k = 0; k < classes; k++)
        {
            correct += confusion[k, k];
            int actual = 0, predicted = 0;
            for (var j = 0; j < classes; j++) { actual += confusion[k, j]; predicted += confusion[j, k]; }
            if (actual + predicted > 0) f1.Add(2.0 * confusion[k, k] / (actual + predicted));
        }
        values[ModelMetricNames.LogLoss] = logLoss / labels.Length;
        values[ModelMetricNames.Accuracy] = (double)correct / labels.Length;
        values[ModelMetricNames.MacroF1] = f1.Average();
        return new MetricSet(values, undefined);
    }

    /// <summary>Rows by true class (first index) and predicted class, the most probable one (ties to the lower class, as numpy's argmax).</summary>
    public static int[,] Confusion(ReadOnlySpan<double> labels, ReadOnlySpan<double> probabilities, int classes)
    {
        var matrix = new int[classes, classes];
        for (var i = 0; i < labels.Length; i++)
        {
            var label = (int)labels[i];
            if (label < 0 || label >= classes) throw new ArgumentException($"row {i + 1} has label {label}, outside 0..{classes - 1}");
            var row = probabilities.Slice(i * classes, classes);
            var best = 0;
            for (var k = 1; k < classes; k++) if (row[k] > row[best]) best = k;
            matrix[label, best]++;
        }
        return matrix;
    }
}
