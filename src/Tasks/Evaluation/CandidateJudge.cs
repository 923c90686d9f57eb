using TrainingOrchestration.Pipelines.Spec;
using TrainingOrchestration.Tasks.Evaluation.Comparison;

namespace TrainingOrchestration.Tasks.Evaluation;

/// <summary>
/// Turns resolved metrics, the champion scored on the same test split and the spec into the evaluation result: reject
/// when there are no metrics, when the primary metric is missing, when a threshold fails, or when the improvement over
/// the champion is not clearly (by the interval's lower bound) at least the margin; promote otherwise. The champion
/// comparison is recorded whatever the decision. Pure: the handler does the reading and writing.
/// </summary>
public static class CandidateJudge
{
    public const string NoChampion = "none";

    public static EvaluateModelResponse Judge(ResolvedMetrics resolved, ChampionOnSplit? champion, EvaluationSpec spec, string? artifact)
    {
        var metrics = resolved.Metrics;
        var thresholds = ThresholdGate.Check(metrics, spec.Thresholds);
        var verdict = ChampionGate.Compare(metrics.Values, champion, spec);
        string decision;
        string reason;
        if (resolved.Source == MetricsSource.None)
        {
            decision = EvaluationDecision.Reject;
            reason = "no metrics for the candidate: " + string.Join("; ", resolved.Attempts);
        }
        else if (!metrics.Values.ContainsKey(spec.PrimaryMetric))
        {
            decision = EvaluationDecision.Reject;
            reason = $"{metrics.Explain(spec.PrimaryMetric)} (primary metric, from {resolved.Source})";
        }
        else if (!thresholds.Passed)
        {
            decision = EvaluationDecision.Reject;
            reason = $"thresholds not met ({resolved.Source}): " + string.Join("; ", thresholds.Failures);
        }
        else
        {
            decision = verdict.CandidateWins ? EvaluationDecision.Promote : EvaluationDecision.Reject;
            reason = $"{verdict.Reason} ({resolved.Source})";
        }

        return new EvaluateModelResponse
        {
            Decision = decision,
            Reason = reason,
            Metrics = metrics.Values,
            MetricsSource = resolved.Source,
            Thresholds = thresholds.Results,
            Champion = verdict.Champion,
            ExpectedChampionRunId = champion?.RunId ?? NoChampion,
            PrimaryMetric = spec.PrimaryMetric,
            Artifact = artifact,
        };
    }
}
