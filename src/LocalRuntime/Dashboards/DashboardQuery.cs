using TrainingOrchestration.LocalRuntime.CloudWatch;

namespace TrainingOrchestration.LocalRuntime.Dashboards;

/// <summary>Answers a widget's metrics from the local metric store, as GetMetricData answers the console's graph.</summary>
public static class DashboardQuery
{
    public static IReadOnlyList<DashboardSeries> Resolve(DashboardWidget widget, IReadOnlyList<MetricDatum> data, DateTimeOffset start, DateTimeOffset end)
    {
        var inRange = data.Where(d => d.Timestamp >= start && d.Timestamp < end).ToList();
        var series = new List<DashboardSeries>();
        foreach (var metric in widget.Metrics)
        {
            if (metric.Expression is { } expression)
            {
                if (!SearchExpression.IsSearch(expression)) throw new NotSupportedException($"widget '{widget.Title}': only SEARCH expressions are evaluated locally ({expression})");
                var search = SearchExpression.Parse(expression);
                var found = search.Select(inRange);
                if (found.Count == 0)
                {
                    var terms = search.Terms.Where(t => t.Key != "MetricName").ToDictionary(t => t.Key, t => t.Value);
                    series.Add(new DashboardSeries(metric.Label ?? search.Terms.GetValueOrDefault("MetricName") ?? expression, search.Namespace,
                        search.Terms.GetValueOrDefault("MetricName"), terms, search.Statistic, search.PeriodSeconds, expression, []));
                }
                foreach (var (name, dimensions) in found)
                {
                    var points = MetricStatistics.Series(inRange.Where(d => d.Namespace == search.Namespace && d.Name == name && d.HasDimensions(dimensions)),
                        search.Statistic, search.PeriodSeconds);
                    var label = string.Join(" ", search.DimensionNames.Where(n => !search.Terms.ContainsKey(n)).Select(n => dimensions[n]));
                    series.Add(new DashboardSeries(label.Length == 0 ? name : label, search.Namespace, name, dimensions, search.Statistic, search.PeriodSeconds, expression, points));
                }
                continue;
            }
            var matching = inRange.Where(d => d.Namespace == metric.Namespace && d.Name == metric.Name && d.HasDimensions(metric.Dimensions));
            series.Add(new DashboardSeries(metric.Label ?? $"{metric.Name} ({metric.Stat})", metric.Namespace, metric.Name, metric.Dimensions, metric.Stat, metric.Period,
                null, MetricStatistics.Series(matching, metric.Stat, metric.Period)));
        }
        return series;
    }
}
