namespace TrainingOrchestration.LocalRuntime.Dashboards;

/// <summary>
/// One line of a widget as the local CloudWatch answers it: the metric (a SEARCH yields one per matching metric), its
/// statistic and period, and the datapoints found in the dashboard's range (empty when nothing was emitted).
/// </summary>
public sealed record DashboardSeries(string Label, string? Namespace, string? Name, IReadOnlyDictionary<string, string> Dimensions, string Stat, int Period,
    string? Expression, IReadOnlyList<(DateTimeOffset Timestamp, double Value)> Datapoints);
