using System.Text;
using TrainingOrchestration.Pipelines.Spec;

namespace TrainingOrchestration.Tasks.Evaluation.Comparison;

/// <summary>
/// Compares the candidate with the champion on the same rows: both models' batch-transform outputs of the current
/// run's test split, paired line by line (the two transforms read the same files with the same filters, so line
/// <c>i</c> of each is the same row). Every problem type pairs on the label. A binary model's AUC is compared with <see cref="DeLongTest"/>; every other metric (log loss, RMSE, MAE, R², macro F1 ...) with a
/// <see cref="PairedBootstrap"/>, lower-is-better metrics with the sign flipped, seeded from the run id, so a rerun of the evaluation decides the same way.
/// </summary>
public static class ChampionComparer
{
    public static ChampionOnSplit Compare(string championRunId, PredictionSet candidate, PredictionSet champion, EvaluationSpec spec, string runId)
    {
        if (champion.Count == 0)
        {
            return ChampionOnSplit.NotCompared(championRunId, $"champion {championRunId} has no predictions on this run's test split");
        }
        if (champion.Count != candidate.Count)
        {
            return ChampionOnSplit.NotCompared(championRunId,
                $"champion {championRunId} scored {champion.Count} rows of the test split but the candidate {candidate.Count}; the rows cannot be paired");
        }
        if (champion.Problem != candidate.Problem || champion.Classes != candidate.Classes)
        {
            return ChampionOnSplit.NotCompared(championRunId,
                $"champion {championRunId}'s predictions are {ProblemTypes.Describe(champion.Problem)} but the candidate's {ProblemTypes.Describe(candidate.Problem)}; a model of another problem type cannot be compared");
        }
        var labels = candidate.Targets;
        var theirLabels = champion.Targets;
        for (var i = 0; i < labels.Length; i++)
        {
            if (labels[i] != theirLabels[i])
            {
                return ChampionOnSplit.NotCompared(championRunId,
                    $"row {i + 1} of the test split has label {Format(labels[i])} in the candidate's predictions but {Format(theirLabels[i])} in champion {championRunId}'s; the rows cannot be paired");
            }
        }

        var metrics = ProblemMetrics.Compute(champion);
        var metric = spec.PrimaryMetric;
        try
        {
            var comparison = metric == ModelMetricNames.Auc && candidate.Problem == ProblemType.Binary
                ? DeLongTest.Compare(candidate.Labels, candidate.Scores, champion.Scores, spec.Confidence)
                : PairedBootstrap.Compare(metric, candidate.Count, (rows, isCandidate) => MetricOn(isCandidate ? candidate : champion, rows, metric),
                    ModelMetricNames.LowerIsBetter(metric), spec.Confidence, spec.Resamples, Seed(runId));
            return new ChampionOnSplit(championRunId, metrics, comparison, null);
        }
        catch (InvalidOperationException e)
        {
            return new ChampionOnSplit(championRunId, metrics, null, $"{metric} cannot be compared on this test split: {e.Message}");
        }
    }

    /// <summary>The metric over a multiset of rows (a bootstrap resample), or null where it is undefined.</summary>
    private static double? MetricOn(PredictionSet set, int[] rows, string metric) =>
        ProblemMetrics.Compute(set.Select(rows)).Values.TryGetValue(metric, out var value) ? value : null;

    private static string Format(double label) => label.ToString("R", System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>FNV-1a of the run id: stable across processes, unlike <see cref="string.GetHashCode()"/>.</summary>
    public static int Seed(string runId)
    {
        var hash = 2166136261u;
        foreach (var b in Encoding.UTF8.GetBytes(runId))
        {
            hash = (hash ^ b) * 16777619u;
        }
        return (int)(hash & int.MaxValue);
    }
}
