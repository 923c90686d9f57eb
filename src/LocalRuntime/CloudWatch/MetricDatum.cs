namespace TrainingOrchestration.LocalRuntime.CloudWatch;

/// <summary>
/// One value CloudWatch stored for a metric: namespace, name, the exact dimension set (a metric is identified by its
/// namespace, name and all its dimensions), time, value and unit, and who produced it (a function, a service).
/// </summary>
public sealed record MetricDatum(string Namespace, string Name, IReadOnlyDictionary<string, string> Dimensions, DateTimeOffset Timestamp, double Value,
    string Unit, string Producer)
{
    /// <summary>True when this datum's dimensions are exactly <paramref name="dimensions"/> (no more, no fewer).</summary>
    public bool HasDimensions(IReadOnlyDictionary<string, string> dimensions) =>
        Dimensions.Count == dimensions.Count && dimensions.All(d => Dimensions.TryGetValue(d.Key, out var v) && v == d.Value);
}
