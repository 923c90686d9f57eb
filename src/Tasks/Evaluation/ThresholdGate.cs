using System.Globalization;
using TrainingOrchestration.Pipelines.Spec;

namespace TrainingOrchestration.Tasks.Evaluation;

/// <summary>
/// Checks the candidate against the spec's per-metric bounds (min and/or max, inclusive). A bounded metric that is
/// undefined or unavailable fails its threshold: a gate that cannot be checked does not let a model through.
/// </summary>
public static class ThresholdGate
{
    public static ThresholdVerdict Check(MetricSet metrics, IReadOnlyDictionary<string, MetricThreshold> thresholds)
    {
        var results = new List<ThresholdResult>();
        var failures = new List<string>();
        foreach (var (metric, bounds) in thresholds.OrderBy(t => Order(t.Key)).ThenBy(t => t.Key, StringComparer.Ordinal))
        {
            var observed = metrics.Values.TryGetValue(metric, out var value) ? value : (double?)null;
            var passed = observed is { } v && (bounds.Min is not { } min || v >= min) && (bounds.Max is not { } max || v <= max);
            results.Add(new ThresholdResult { Metric = metric, Min = bounds.Min, Max = bounds.Max, Observed = observed, Passed = passed });
            if (passed) continue;
            if (observed is not { } seen) failures.Add(metrics.Explain(metric));
            else if (bounds.Min is { } low && seen < low) failures.Add($"{metric} {Format(seen)} < min {Format(low)}");
            else if (bounds.Max is { } high) failures.Add($"{metric} {Format(seen)} > max {Format(high)}");
        }
        return new ThresholdVerdict(results, failures);
    }

    public static string Format(double value) => value.ToString("0.######", CultureInfo.InvariantCulture);

    /// <summary>Every type's metrics in their documented order (binary, then regression, then the multi-class ones not already listed).</summary>
    private static readonly List<string> Ordered = [.. ModelMetricNames.All.Concat(ModelMetricNames.Regression).Concat(ModelMetricNames.Multiclass).Distinct()];

    private static int Order(string metric)
    {
        var index = Ordered.IndexOf(metric);
        return index < 0 ? int.MaxValue : index;
    }
}
