namespace TrainingOrchestration.Tasks.Evaluation;

/// <summary>
/// Metrics from the training job's <c>FinalMetricDataList</c>. Only the <c>validation:</c> channel counts: training
/// metrics are measured on the data the model was fitted to and would flatter every candidate.
/// </summary>
public static class TrainingJobMetrics
{
    public const string ValidationChannel = "validation:";

    public static IReadOnlyDictionary<string, double> From(TrainingJobResult? training)
    {
        var metrics = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (var entry in training?.FinalMetricDataList ?? [])
        {
            if (entry.MetricName is not { } name || entry.Value is not { } value || !double.IsFinite(value)) continue;
            if (!name.StartsWith(ValidationChannel, StringComparison.OrdinalIgnoreCase)) continue;
            if (MetricAliases.Map(name, value) is { } mapped) metrics[mapped.Metric] = mapped.Value;
        }
        return metrics;
    }
}
