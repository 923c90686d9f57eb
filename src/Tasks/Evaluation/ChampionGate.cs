using TrainingOrchestration.Pipelines.Spec;
using TrainingOrchestration.Tasks.Evaluation.Comparison;

namespace TrainingOrchestration.Tasks.Evaluation;

/// <summary>
/// Decides whether the candidate displaces the champion, judged on the same rows: the lower bound of the confidence
/// interval of the primary metric's improvement (see <see cref="ChampionComparer"/>) must reach the spec's margin, so
/// a candidate that looks better only by the noise of a few hundred test rows keeps the champion. Without a champion
/// the candidate wins (the thresholds have already been met). A champion that could not be compared on this split
/// keeps its place: promotion needs evidence, and the reason says what was missing.
/// </summary>
public static class ChampionGate
{
    public static ChampionVerdict Compare(IReadOnlyDictionary<string, double> candidate, ChampionOnSplit? champion, EvaluationSpec spec)
    {
        var metric = spec.PrimaryMetric;
        if (!candidate.TryGetValue(metric, out var mine))
        {
            return new ChampionVerdict(false, $"the candidate has no {metric}, the primary metric", null);
        }
        if (champion is null)
        {
            return new ChampionVerdict(true, $"no champion yet; {metric} {ThresholdGate.Format(mine)} meets the thresholds", null);
        }
        var margin = Math.Max(spec.ChampionMargin, 0);
        if (champion.Comparison is not { } paired)
        {
            var why = champion.Unavailable ?? $"champion {champion.RunId} was not scored on this run's test split";
            return new ChampionVerdict(false, $"{why}; the champion stays", Summary(champion, null, margin, EvaluationDecision.Reject));
        }

        var lowerIsBetter = ModelMetricNames.LowerIsBetter(metric);
        var percent = (paired.ConfidenceLevel * 100).ToString("0.##", System.Globalization.CultureInfo.InvariantCulture);
        var comparison = $"{metric} {ThresholdGate.Format(paired.Candidate)} vs champion {champion.RunId} {ThresholdGate.Format(paired.Champion)} on the same "
            + $"test split{(lowerIsBetter ? " (lower is better)" : "")}: improvement {ThresholdGate.Format(paired.Improvement)}, {percent}% interval "
            + $"[{ThresholdGate.Format(paired.Lower)}, {ThresholdGate.Format(paired.Upper)}] ({paired.Method})";
        var wins = paired.Clears(margin);
        var verdict = wins
            ? $"{comparison}; lower bound >= margin {ThresholdGate.Format(margin)}"
            : $"{comparison}; lower bound < margin {ThresholdGate.Format(margin)}, not clearly better";
        return new ChampionVerdict(wins, verdict, Summary(champion, paired, margin, wins ? EvaluationDecision.Promote : EvaluationDecision.Reject));
    }

    private static ChampionSummary Summary(ChampionOnSplit champion, PairedComparison? paired, double margin, string decision) => new()
    {
        RunId = champion.RunId,
        Metrics = champion.Metrics.Values,
        Metric = paired?.Metric,
        Difference = paired?.Improvement,
        Interval = paired is null ? null : new ImprovementInterval(paired.Lower, paired.Upper, paired.ConfidenceLevel, paired.Method, paired.Resamples),
        Margin = margin,
        Decision = decision,
        Unavailable = paired is null ? champion.Unavailable ?? "not scored on this run's test split" : null,
    };
}
