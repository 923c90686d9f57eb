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
/// feature's gain importance and mean |SHAP| on the test split (<see cref="ModelExplainer"/>). The splits are read as
/// streams: labels are counted, and SHAP runs on an evenly spaced sample of at most <see cref="MaxExplainedRows"/>
/// test rows, so a split of any size is explained in bounded memory and time (TreeSHAP costs trees x leaves x depth²
/// per row).
/// </summary>
public static class RunExplanation
{
    /// <summary>Test rows given to SHAP at most; the mean |SHAP| of 10,000 rows is within a few percent of the full split's.</summary>
    public const int MaxExplainedRows = 10_000;

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
        var files = new[] { "train", "validation", "test" }.ToDictionary(c => c, c => ChannelFiles(Path.Combine(features, c)));
        var objective = XgboostHyperparameters.Effective(hyperparameters, "objective") ?? "";
        if (objective.StartsWith("binary:", StringComparison.Ordinal) || objective.StartsWith("multi:", StringComparison.Ordinal))
        {
            explanation["classBalance"] = new JsonObject(files.Where(c => c.Value.Count > 0)
                .Select(c => KeyValuePair.Create(c.Key, (JsonNode?)ClassBalance(c.Value))));
        }
        var manifestPath = Path.Combine(features, "manifest.json");
        var manifest = File.Exists(manifestPath) ? JsonNode.Parse(File.ReadAllText(manifestPath)) as JsonObject : null;
        // The feature job counted the split's rows; without its manifest they are counted here.
        var testRows = manifest?["rows"]?["test"]?.GetValue<long>() ?? files["test"].Sum(f => File.ReadLines(f).LongCount(l => l.Length > 0));
        if (testRows > 0)
        {
            var model = ModelArtifact.ReadModel(S3ArtifactPath(session, job.ModelArtifact), job.ModelArtifact);
            var sample = Sample(files["test"], testRows);
            var attributions = ModelExplainer.Explain(model, sample, FeatureNames(manifest));
            explanation["explainedRows"] = sample.Rows;
            explanation["testRows"] = testRows;
            explanation["features"] = new JsonArray(attributions.Select(a => (JsonNode)new JsonObject
            {
                ["feature"] = a.Feature, ["gain"] = Math.Round(a.Gain, 6), ["meanAbsShap"] = Math.Round(a.MeanAbsShap, 6),
                ["meanAbsShapByClass"] = a.MeanAbsShapByClass is { } byClass ? new JsonArray(byClass.Select(v => (JsonNode?)Math.Round(v, 6)).ToArray()) : null,
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

    private static List<string> ChannelFiles(string folder) => Directory.Exists(folder)
        ? Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal).ToList()
        : [];

    /// <summary>Every <c>step</c>-th row of the split, at most <see cref="MaxExplainedRows"/> of them, in file order.</summary>
    private static ChannelData Sample(List<string> files, long rows)
    {
        var step = (rows + MaxExplainedRows - 1) / MaxExplainedRows;
        var lines = files.SelectMany(File.ReadLines).Where(l => l.Length > 0).Where((_, i) => i % step == 0);
        return CsvChannelReader.Read("test", [("test sample", lines)], labelled: true);
    }

    /// <summary>Rows per label value (the first cell of each line), read as a stream.</summary>
    private static JsonObject ClassBalance(List<string> files)
    {
        var counts = new SortedDictionary<double, long>();
        foreach (var line in files.SelectMany(File.ReadLines))
        {
            if (line.Length == 0) continue;
            var comma = line.IndexOf(',');
            var label = double.Parse(comma < 0 ? line : line.AsSpan(0, comma), System.Globalization.CultureInfo.InvariantCulture);
            counts[label] = counts.GetValueOrDefault(label) + 1;
        }
        return new JsonObject(counts.Select(c => KeyValuePair.Create(((float)c.Key).ToString(System.Globalization.CultureInfo.InvariantCulture), (JsonNode?)c.Value)));
    }

    /// <summary>The feature columns from the feature job's manifest: every column but the entity key, the label and the split.</summary>
    private static List<string>? FeatureNames(JsonObject? manifest)
    {
        if (manifest is null) return null;
        var skip = new[] { manifest["entityKey"]?.GetValue<string>(), manifest["label"]?.GetValue<string>(), "split" };
        return manifest["columns"]?.AsArray().Select(c => c?["name"]?.GetValue<string>()).OfType<string>().Where(n => !skip.Contains(n)).ToList();
    }

    private static string S3ArtifactPath(PipelineSession session, string uri) =>
        Glue.S3Location.Parse(uri).ToLocalPath(session.Cloud.Buckets.Root);
}
