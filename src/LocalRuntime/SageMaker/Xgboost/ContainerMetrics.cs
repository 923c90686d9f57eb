namespace TrainingOrchestration.LocalRuntime.SageMaker.Xgboost;

/// <summary>
/// The metrics SageMaker's XGBoost container computes itself instead of XGBoost (custom_metrics.py, CUSTOM_METRICS,
/// passed to <c>xgb.train</c> as <c>feval</c>), from the raw margins as xgboost 1.7 hands them to <c>feval</c>:
/// class labels are <c>margin &gt; 0</c> (binary) or the arg-max (multi-class); the regression metrics use the margin
/// itself. The classification metrics follow scikit-learn's definitions (macro = unweighted mean over the labels
/// present in truth or prediction; a class with no predicted or actual positive scores 0).
/// </summary>
public static class ContainerMetrics
{
    public static readonly IReadOnlyList<string> Names =
    [
        "accuracy", "balanced_accuracy", "f1", "f1_binary", "f1_macro", "mse", "rmse", "mae", "precision",
        "precision_macro", "precision_micro", "r2", "recall", "recall_macro", "recall_micro",
    ];

    /// <param name="margins">Row-major raw margins, <paramref name="groups"/> per row.</param>
    public static double Compute(string metric, float[] labels, float[] margins, int groups)
    {
        if (labels.Length == 0) return 0;
        switch (metric)
        {
            case "mse": return Regression(labels, margins, groups, (y, p) => (y - p) * (y - p));
            case "rmse": return Math.Sqrt(Regression(labels, margins, groups, (y, p) => (y - p) * (y - p)));
            case "mae": return Regression(labels, margins, groups, (y, p) => Math.Abs(y - p));
            case "r2":
                var mean = labels.Average(l => (double)l);
                var total = labels.Sum(l => (l - mean) * (l - mean));
                var residual = Regression(labels, margins, groups, (y, p) => (y - p) * (y - p)) * labels.Length;
                return total == 0 ? (residual == 0 ? 1 : 0) : 1 - residual / total;
        }
        var predicted = ClassLabels(margins, groups, labels.Length);
        var classes = labels.Select(l => (int)l).Concat(predicted).Distinct().Order().ToList();
        if (metric is "f1_binary" or "precision" or "recall" && classes.Any(c => c is not (0 or 1)))
        {
            throw AlgorithmFailure.Client($"Target is multiclass but average='binary'. Please choose another average setting (metric {metric}).");
        }
        var stats = classes.ToDictionary(c => c, c => Counts(labels, predicted, c));
        return metric switch
        {
            "accuracy" => Enumerable.Range(0, labels.Length).Count(i => (int)labels[i] == predicted[i]) / (double)labels.Length,
            "balanced_accuracy" => classes.Where(c => stats[c].Actual > 0).Average(c => Ratio(stats[c].TruePositive, stats[c].Actual)),
            "f1_binary" => F1(stats.GetValueOrDefault(1)),
            "precision" => Ratio(stats.GetValueOrDefault(1).TruePositive, stats.GetValueOrDefault(1).Predicted),
            "recall" => Ratio(stats.GetValueOrDefault(1).TruePositive, stats.GetValueOrDefault(1).Actual),
            "f1" or "f1_macro" => classes.Average(c => F1(stats[c])),
            "precision_macro" => classes.Average(c => Ratio(stats[c].TruePositive, stats[c].Predicted)),
            "recall_macro" => classes.Average(c => Ratio(stats[c].TruePositive, stats[c].Actual)),
            // Micro averages over every class reduce to accuracy for single-label data, as in scikit-learn.
            "precision_micro" or "recall_micro" => Ratio(stats.Values.Sum(s => s.TruePositive), labels.Length),
            _ => throw new ArgumentException($"'{metric}' is not one of the container's metrics.", nameof(metric)),
        };
    }

    private static double Regression(float[] labels, float[] margins, int groups, Func<double, double, double> loss)
    {
        if (groups != 1) throw AlgorithmFailure.Client("Regression metrics (mse, rmse, mae, r2) need one prediction per row, not one per class.");
        double sum = 0;
        for (var i = 0; i < labels.Length; i++) sum += loss(labels[i], margins[i]);
        return sum / labels.Length;
    }

    private static int[] ClassLabels(float[] margins, int groups, int rows)
    {
        var labels = new int[rows];
        for (var r = 0; r < rows; r++)
        {
            if (groups == 1)
            {
                labels[r] = margins[r] > 0 ? 1 : 0;
                continue;
            }
            var best = 0;
            for (var g = 1; g < groups; g++) if (margins[r * groups + g] > margins[r * groups + best]) best = g;
            labels[r] = best;
        }
        return labels;
    }

    private static (int TruePositive, int Predicted, int Actual) Counts(float[] labels, int[] predicted, int c)
    {
        int tp = 0, p = 0, a = 0;
        for (var i = 0; i < labels.Length; i++)
        {
            var actual = (int)labels[i] == c;
            var guessed = predicted[i] == c;
            if (actual) a++;
            if (guessed) p++;
            if (actual && guessed) tp++;
        }
        return (tp, p, a);
    }

    private static double Ratio(int numerator, int denominator) => denominator == 0 ? 0 : numerator / (double)denominator;

    private static double F1((int TruePositive, int Predicted, int Actual) s) =>
        s.Predicted + s.Actual == 0 ? 0 : 2.0 * s.TruePositive / (s.Predicted + s.Actual);
}
