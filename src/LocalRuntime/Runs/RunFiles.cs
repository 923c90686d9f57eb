using TrainingOrchestration.Pipelines.Conventions;

namespace TrainingOrchestration.LocalRuntime.Runs;

/// <summary>
/// Where a local run's model and test-split files are in its workspace (<c>s3/&lt;bucket&gt;/...</c>, the bucket layout
/// of <see cref="BucketLayout"/>): the training job's <c>model.tar.gz</c>, the test channel the transform read and the
/// transform's output. A path is null when the run did not get that far.
/// </summary>
public sealed record RunFiles(string? ArtifactPath, string? TestChannelPath, string? TestPredictionsPath)
{
    public static RunFiles Find(string workspace, string pipeline, string runId, string? trainingJobName)
    {
        var s3 = Path.Combine(workspace, "s3");
        if (!Directory.Exists(s3)) return new RunFiles(null, null, null);
        foreach (var bucket in Directory.EnumerateDirectories(s3))
        {
            var test = FirstFile(bucket, BucketLayout.FeatureSplit(pipeline, runId, "test"));
            if (test is null) continue;
            var artifact = trainingJobName is null ? null : Local(bucket, BucketLayout.TrainingArtifact(pipeline, trainingJobName));
            return new RunFiles(File.Exists(artifact) ? artifact : null, test, FirstFile(bucket, BucketLayout.Predictions(pipeline, runId)));
        }
        return new RunFiles(null, null, null);
    }

    private static string Local(string bucket, string key) => Path.Combine(bucket, key.Replace('/', Path.DirectorySeparatorChar));

    private static string? FirstFile(string bucket, string prefix)
    {
        var folder = Local(bucket, prefix.TrimEnd('/'));
        return Directory.Exists(folder) ? Directory.EnumerateFiles(folder).Order(StringComparer.Ordinal).FirstOrDefault() : null;
    }
}
