namespace TrainingOrchestration.Tasks.Evaluation.Comparison;

/// <summary>
/// The champion scored on the candidate's test split: its metrics there and the paired comparison of the primary
/// metric, or, when no comparison could be made (no predictions, rows that do not pair up, a metric undefined on the
/// split), why not in <see cref="Unavailable"/>.
/// </summary>
public sealed record ChampionOnSplit(string RunId, MetricSet Metrics, PairedComparison? Comparison, string? Unavailable)
{
    public static ChampionOnSplit NotCompared(string runId, string why) => new(runId, MetricSet.Empty, null, why);
}
