using System.Globalization;

namespace TrainingOrchestration.LocalRuntime.CloudWatch;

/// <summary>
/// CloudWatch's statistics over the values of one period: Sum, Average, Minimum, Maximum, SampleCount and percentiles
/// (<c>p90</c>, <c>p99.9</c>). Periods are aligned to the epoch, as CloudWatch aligns them for GetMetricData.
/// </summary>
public static class MetricStatistics
{
    public static double Compute(string statistic, IReadOnlyList<double> values)
    {
        if (values.Count == 0) throw new ArgumentException("a statistic needs at least one value", nameof(values));
        return statistic switch
        {
            "Sum" => values.Sum(),
            "Average" => values.Average(),
            "Minimum" => values.Min(),
            "Maximum" => values.Max(),
            "SampleCount" => values.Count,
            _ when statistic.StartsWith('p') && double.TryParse(statistic[1..], NumberStyles.Float, CultureInfo.InvariantCulture, out var p) && p is >= 0 and <= 100
                => Percentile(values, p),
            _ => throw new NotSupportedException($"statistic '{statistic}' (the local CloudWatch computes Sum, Average, Minimum, Maximum, SampleCount and pNN)"),
        };
    }

    /// <summary>One datapoint per period in [start, end) that holds data, timestamped at the period's start.</summary>
    public static IReadOnlyList<(DateTimeOffset Timestamp, double Value)> Series(IEnumerable<MetricDatum> data, string statistic, int periodSeconds)
    {
        return data.GroupBy(d => PeriodStart(d.Timestamp, periodSeconds))
            .OrderBy(g => g.Key)
            .Select(g => (g.Key, Compute(statistic, g.Select(d => d.Value).ToList())))
            .ToList();
    }

    public static DateTimeOffset PeriodStart(DateTimeOffset at, int periodSeconds)
    {
        var seconds = at.ToUnixTimeSeconds();
        return DateTimeOffset.FromUnixTimeSeconds(seconds - ((seconds % periodSeconds) + periodSeconds) % periodSeconds);
    }

    private static double Percentile(IReadOnlyList<double> values, double p)
    {
        var sorted = values.Order().ToArray();
        var rank = (int)Math.Ceiling(p / 100 * sorted.Length) - 1;
        return sorted[Math.Clamp(rank, 0, sorted.Length - 1)];
    }
}
