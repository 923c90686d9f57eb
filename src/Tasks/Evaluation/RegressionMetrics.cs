using TrainingOrchestration.Pipelines.Spec;

namespace TrainingOrchestration.Tasks.Evaluation;

/// <summary>
/// Regression metrics as scikit-learn defines them: RMSE = √(mean squared error), MAE = mean absolute error,
/// R² = 1 − SS_res / SS_tot (undefined when every label is the same, where scikit-learn would return 1 or 0 by convention).
/// </summary>
public static class RegressionMetrics
{
    public static MetricSet Compute(ReadOnlySpan<double> labels, ReadOnlySpan<double> predictions)
    {
        if (labels.Length != predictions.Length) throw new ArgumentException($"{labels.Length} labels but {predictions.Length} predictions");
        var values = new Dictionary<string, double>(StringComparer.Ordinal);
        var undefined = new Dictionary<string, string>(StringComparer.Ordinal);
        if (labels.Length == 0)
        {
            foreach (var metric in ModelMetricNames.Regression) undefined[metric] = "the test split has no rows";
            return new MetricSet(values, undefined);
        }
        double squared = 0, absolute = 0, mean = 0;
        for (var i = 0; i < labels.Length; i++) mean += labels[i];
        mean /= labels.Length;
        double total = 0;
        for (var i = 0; i < labels.Length; i++)
        {
            var error = labels[i] - predictions[i];
            squared += error * error;
            absolute += Math.Abs(error);
            total += (labels[i] - mean) * (labels[i] - mean);
        }
        values[ModelMetricNames.Rmse] = Math.Sqrt(squared / labels.Length);
        values[ModelMetricNames.Mae] = absolute / labels.Length;
        if (total == 0) undefined[ModelMetricNames.R2] = "every label in the test split has the same value";
        else values[ModelMetricNames.R2] = 1 - squared / total;
        return new MetricSet(values, undefined);
    }
}
