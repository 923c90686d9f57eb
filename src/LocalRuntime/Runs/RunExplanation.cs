using System.Text.Json.Nodes;
using TrainingOrchestration.LocalRuntime.SageMaker;
using TrainingOrchestration.LocalRuntime.SageMaker.Xgboost;
using TrainingOrchestration.Pipelines.Conventions;
using TrainingOrchestration.Pipelines.Hyperparameters;

namespace TrainingOrchestration.LocalRuntime.Runs;

/// <summary>
/// What explains a run's candidate model, for the run record and the report: the library that trained it, its
/// hyperparameters (with XGBoost's defaults for the main ones left out), train/validation metrics (the training job's
/// final metrics) beside the test-split metrics of the evaluation step, the class balance of each split, and each
/// feature's gain importance and mean |SHAP| on the test split (<see cref="ModelExplainer"/>).
/// </summary>
public static class RunExplanation
{
    private static readonly string[] MainHyperparameters =
        ["objective", "num_round", "eta", "max_depth", "min_child_weight", "subsample", "colsample_bytree", "lambda", "alpha", "gamma", "tree_method"];

    public static JsonObject? Build(PipelineSession session, JsonObject? run)
    {
        if (run?["trainingJobName"]?.GetValue<string>() is not { } jobName) return null;
        TrainingJob job;
        try
        {
            job = session.Cloud.SageMaker.DescribeTrainingJob(jobName);
        }
        catch (SageMakerServiceException)
        {
            return null;
        }
        var hyperparameters = JsonRead.StringMap(job.Request["HyperParameters"]);
        var explanation = new JsonObject
        {
            ["trainingJobName"] = jobName,
            ["trainer"] = Trainer(job),
            ["hyperparameters"] = new JsonObject(MainHyperparameters
                .Select(name => (name, value: XgboostHyperparameters.Effective(hyperparameters, name)))
                .Concat(hyperparameters.Where(h => !MainHyperparameters.Contains(h.Key)).Select(h => (name: h.Key, value: (string?)h.Value)))
                .Where(h => h.value is not null)
                .Select(h => KeyValuePair.Create(h.name, (JsonNode?)h.value))),
            ["metrics"] = new JsonObject
            {
                ["train"] = SplitMetrics(job, "train"),
                ["validation"] = SplitMetrics(job, "validation"),
                ["test"] = run["metrics"]?.DeepClone(),
            },
        };
        if (job.ModelArtifact is null) return explanation;

        var runId = run["runId"]?.GetValue<string>() ?? TableKeys.RunIdOf(run[TableKeys.SortKey]!.GetValue<string>());
        var features = session.Cloud.Buckets.PathFor(session.BucketName, BucketLayout.RunFeatures(session.Pipeline.Name, runId) + "x")[..^1];
        var channels = new[] { "train", "validation", "test" }.ToDictionary(c => c, c => ReadChannel(Path.Combine(features, c), c));
        var objective = XgboostHyperparameters.Effective(hyperparameters, "objective") ?? "";
        if (objective.StartsWith("binary:", StringComparison.Ordinal) || objective.StartsWith("multi:", StringComparison.Ordinal))
        {
            explanation["classBalance"] = new JsonObject(channels.Where(c => c.Value is not null)
                .Select(c => KeyValuePair.Create(c.Key, (JsonNode?)ClassBalance(c.Value!))));
        }
        if (channels["test"] is { Rows: > 0 } test)
        {
            var model = ModelArtifact.ReadModel(S3ArtifactPath(session, job.ModelArtifact), job.ModelArtifact);
            var attributions = ModelExplainer.Explain(model, test, FeatureNames(Path.Combine(features, "manifest.json")));
            explanation["explainedRows"] = test.Rows;
            explanation["features"] = new JsonArray(attributions.Select(a => (JsonNode)new JsonObject
            {
                ["feature"] = a.Feature, ["gain"] = Math.Round(a.Gain, 6), ["meanAbsShap"] = Math.Round(a.MeanAbsShap, 6),
            }).ToArray());
        }
        return explanation;
    }

    private static JsonObject Trainer(TrainingJob job)
    {
        var version = job.LibraryVersion ?? XgboostLibrary.Version;
        var trainer = new JsonObject { ["library"] = "xgboost", ["version"] = version, ["containerVersion"] = XgboostLibrary.ContainerVersion };
        if (version != XgboostLibrary.ContainerVersion) trainer["warning"] = XgboostLibrary.VersionWarning;
        return trainer;
    }

    private static JsonObject SplitMetrics(TrainingJob job, string split) => new(job.FinalMetrics
        .Where(m => m.Key.StartsWith(split + ":", StringComparison.Ordinal) && double.IsFinite(m.Value))
        .Select(m => KeyValuePair.Create(m.Key[(split.Length + 1)..], (JsonNode?)m.Value)));

    private static ChannelData? ReadChannel(string folder, string name)
    {
        if (!Directory.Exists(folder)) return null;
        var files = Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal).ToList();
        return files.Count == 0 ? null : CsvChannelReader.Read(name, files, labelled: true);
    }

    private static JsonObject ClassBalance(ChannelData channel) => new(channel.Labels
        .GroupBy(l => l).OrderBy(g => g.Key)
        .Select(g => KeyValuePair.Create(g.Key.ToString(System.Globalization.CultureInfo.InvariantCulture), (JsonNode?)g.Count())));

    /// <summary>The feature columns from the feature job's manifest: every column but the entity key, the label and the split.</summary>
    private static List<string>? FeatureNames(string manifestPath)
    {
        if (!File.Exists(manifestPath) || JsonNode.Parse(File.ReadAllText(manifestPath)) is not JsonObject manifest) return null;
        var skip = new[] { manifest["entityKey"]?.GetValue<string>(), manifest["label"]?.GetValue<string>(), "split" };
        return manifest["columns"]?.AsArray().Select(c => c?["name"]?.GetValue<string>()).OfType<string>().Where(n => !skip.Contains(n)).ToList();
    }

    private static string S3ArtifactPath(PipelineSession session, string uri) =>
        Glue.S3Location.Parse(uri).ToLocalPath(session.Cloud.Buckets.Root);
}
