namespace TrainingOrchestration.Tasks.Evaluation;

/// <summary>
/// Metrics of a candidate: the defined values, and for each metric that could not be defined, why (a test split
/// with one class has no AUC). Undefined metrics are never given a stand-in value.
/// </summary>
public sealed record MetricSet(
    IReadOnlyDictionary<string, double> Values,
    IReadOnlyDictionary<string, string> Undefined)
{
    public static readonly MetricSet Empty = new(new Dictionary<string, double>(), new Dictionary<string, string>());

    /// <summary>Why <paramref name="metric"/> has no value, for rejection reasons.</summary>
    public string Explain(string metric) =>
        Undefined.TryGetValue(metric, out var why) ? $"{metric} is undefined: {why}" : $"{metric} is not available";
}
