using TrainingOrchestration.Pipelines.Spec;

namespace TrainingOrchestration.Tasks.Evaluation;

/// <summary>
/// Finds the candidate's metrics, best source first: the scored test split (held out, never seen by training);
/// else the training job's final <c>validation:</c> metrics; else a <c>metrics.json</c> in the model artifact.
/// When none has metrics the result says so (source <c>none</c>) and the candidate is rejected: unlike the seed,
/// nothing is ever defaulted to zeros, because a made-up number can promote or block a model for the wrong reason.
/// </summary>
public sealed class MetricsResolver(PredictionReader predictions, ArtifactMetricsReader artifacts)
{
    public async Task<ResolvedMetrics> ResolveAsync(
        string bucket, string? predictionsPrefix, TrainingJobResult? training, ProblemType problem = ProblemType.Binary, int classes = 0,
        CancellationToken cancellationToken = default)
    {
        var attempts = new List<string>();
        if (!string.IsNullOrEmpty(predictionsPrefix))
        {
            var (predictionsBucket, prefix) = S3Uri.Location(bucket, predictionsPrefix);
            var set = await predictions.ReadAsync(predictionsBucket, prefix, problem, classes, cancellationToken).ConfigureAwait(false);
            if (set.Count > 0)
            {
                var metrics = ProblemMetrics.Compute(set, out var confusion);
                return new ResolvedMetrics(MetricsSource.TestSplit, metrics, confusion, set.Count, attempts, set);
            }
            attempts.Add($"no predictions (*{PredictionReader.OutputSuffix} with rows) under s3://{predictionsBucket}/{prefix}");
        }
        else
        {
            attempts.Add("no predictionsPrefix was given");
        }

        var fromJob = OfType(TrainingJobMetrics.From(training), problem);
        if (fromJob.Count > 0) return new ResolvedMetrics(MetricsSource.TrainingJob, Defined(fromJob), null, null, attempts);
        attempts.Add($"training job {training?.TrainingJobName ?? "(unknown)"} reported no {TrainingJobMetrics.ValidationChannel}* metrics");

        if (training?.ModelArtifacts?.S3ModelArtifacts is { Length: > 0 } artifact)
        {
            var fromArtifact = await artifacts.ReadAsync(artifact, cancellationToken).ConfigureAwait(false) is { } read ? OfType(read, problem) : null;
            if (fromArtifact is { Count: > 0 }) return new ResolvedMetrics(MetricsSource.ModelArtifact, Defined(fromArtifact), null, null, attempts);
            attempts.Add($"{artifact} is missing or has no {ArtifactMetricsReader.FileName} with known metrics");
        }
        else
        {
            attempts.Add("the training job reported no model artifact");
        }
        return new ResolvedMetrics(MetricsSource.None, MetricSet.Empty, null, null, attempts);
    }

    /// <summary>Only the metrics of the problem type: a binary model's <c>error</c> and a multi-class model's <c>merror</c> both map to accuracy, but neither belongs to a regression.</summary>
    private static IReadOnlyDictionary<string, double> OfType(IReadOnlyDictionary<string, double> metrics, ProblemType problem) =>
        metrics.Where(m => ProblemTypes.Metrics(problem).Contains(m.Key)).ToDictionary(m => m.Key, m => m.Value, StringComparer.Ordinal);

    private static MetricSet Defined(IReadOnlyDictionary<string, double> values) =>
        new(values, new Dictionary<string, string>());
}
