namespace TrainingOrchestration.Tasks.Evaluation;

/// <summary>
/// The metrics a candidate is judged on and where they came from. <see cref="Attempts"/> records why each better
/// source was passed over, so a "no metrics" rejection says exactly what was looked for. <see cref="Predictions"/> are
/// the scored test split's rows when the metrics came from it, for the paired comparison with the champion.
/// </summary>
public sealed record ResolvedMetrics(
    string Source,
    MetricSet Metrics,
    ConfusionMatrix? Confusion,
    long? RowCount,
    IReadOnlyList<string> Attempts,
    PredictionSet? Predictions = null);
