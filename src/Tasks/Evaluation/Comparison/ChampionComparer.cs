using System.Text;
using TrainingOrchestration.Pipelines.Spec;

namespace TrainingOrchestration.Tasks.Evaluation.Comparison;

/// <summary>
/// Compares the candidate with the champion on the same rows: both models' batch-transform outputs of the current
/// run's test split, paired line by line (the two transforms read the same files with the same filters, so line
/// <c>i</c> of each is the same row). AUC is compared with <see cref="DeLongTest"/>; every other metric with a
/// <see cref="PairedBootstrap"/> seeded from the run id, so a rerun of the evaluation decides the same way.
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
        var labels = candidate.Labels;
        var theirLabels = champion.Labels;
        for (var i = 0; i < labels.Length; i++)
        {
            if (labels[i] != theirLabels[i])
            {
                return ChampionOnSplit.NotCompared(championRunId,
                    $"row {i + 1} of the test split has label {(labels[i] ? 1 : 0)} in the candidate's predictions but {(theirLabels[i] ? 1 : 0)} in champion {championRunId}'s; the rows cannot be paired");
            }
        }

        var metrics = ClassificationMetrics.Compute(champion, out _);
        var metric = spec.PrimaryMetric;
        try
        {
            var comparison = metric == ModelMetricNames.Auc
                ? DeLongTest.Compare(labels, candidate.Scores, champion.Scores, spec.Confidence)
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
    private static double? MetricOn(PredictionSet set, int[] rows, string metric)
    {
        var sample = new PredictionSet();
        var labels = set.Labels;
        var scores = set.Scores;
        foreach (var row in rows) sample.Add(labels[row], scores[row]);
        return ClassificationMetrics.Compute(sample, out _).Values.TryGetValue(metric, out var value) ? value : null;
    }

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
