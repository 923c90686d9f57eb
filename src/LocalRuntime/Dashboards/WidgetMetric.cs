namespace TrainingOrchestration.LocalRuntime.Dashboards;

/// <summary>
/// One entry of a metric widget's <c>metrics</c> array: either a metric (<c>[namespace, name, dim, value, …, {stat, period, label}]</c>)
/// or an expression (<c>[{expression, label, period}]</c>), with the statistic and period that apply to it.
/// </summary>
public sealed record WidgetMetric(string? Namespace, string? Name, IReadOnlyDictionary<string, string> Dimensions, string Stat, int Period,
    string? Label, string? Expression);
