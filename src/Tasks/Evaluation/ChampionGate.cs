using TrainingOrchestration.Pipelines.Spec;
using TrainingOrchestration.Tasks.Ports;

namespace TrainingOrchestration.Tasks.Evaluation;

/// <summary>
/// Decides whether the candidate displaces the champion on the primary metric. The improvement (candidate −
/// champion, negated for lower-is-better metrics such as log loss and Brier) must be positive and at least the
/// spec's margin, so an equal model never churns the champion. Without a champion the candidate wins (the
/// thresholds have already been met). A champion without a value for the primary metric (recorded under another
/// primary metric) cannot be compared and does not block the candidate; the reason says so.
/// </summary>
public static class ChampionGate
{
    /// <summary>Guards against float noise when the improvement equals the margin exactly.</summary>
    private const double Tolerance = 1e-12;

    public static ChampionVerdict Compare(IReadOnlyDictionary<string, double> candidate, ChampionRecord? champion, EvaluationSpec spec)
    {
        var metric = spec.PrimaryMetric;
        if (!candidate.TryGetValue(metric, out var mine))
        {
            return new ChampionVerdict(false, $"the candidate has no {metric}, the primary metric");
        }
        if (champion is null)
        {
            return new ChampionVerdict(true, $"no champion yet; {metric} {ThresholdGate.Format(mine)} meets the thresholds");
        }
        if (!champion.Metrics.TryGetValue(metric, out var theirs))
        {
            return new ChampionVerdict(true,
                $"champion {champion.RunId} has no {metric} to compare with; {metric} {ThresholdGate.Format(mine)} meets the thresholds");
        }

        var lowerIsBetter = ModelMetricNames.LowerIsBetter(metric);
        var improvement = lowerIsBetter ? theirs - mine : mine - theirs;
        var comparison = $"{metric} {ThresholdGate.Format(mine)} vs champion {champion.RunId} {ThresholdGate.Format(theirs)}" +
                         (lowerIsBetter ? " (lower is better)" : "");
        var margin = Math.Max(spec.ChampionMargin, 0);
        if (improvement > 0 && improvement >= margin - Tolerance)
        {
            return new ChampionVerdict(true, $"{comparison}: better by {ThresholdGate.Format(improvement)} >= margin {ThresholdGate.Format(margin)}");
        }
        var shortfall = improvement <= 0
            ? $"not better (improvement {ThresholdGate.Format(improvement)})"
            : $"better by only {ThresholdGate.Format(improvement)} < margin {ThresholdGate.Format(margin)}";
        return new ChampionVerdict(false, $"{comparison}: {shortfall}");
    }
}
