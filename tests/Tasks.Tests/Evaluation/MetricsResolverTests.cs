using System.Text.Json;
using TrainingOrchestration.Pipelines.Spec;
using TrainingOrchestration.Tasks.Evaluation;
using TrainingOrchestration.Tasks.Events;
using TrainingOrchestration.Tasks.Tests.Support;

namespace TrainingOrchestration.Tasks.Tests.Evaluation;

public sealed class MetricsResolverTests
{
    private const string Bucket = "churn-bucket";
    private const string Prefix = "reports/churn/run=r1/predictions/";
    private const string Artifact = "s3://churn-bucket/models/raw/churn/job/output/model.tar.gz";

    private readonly InMemoryObjectStore _store = new();

    private MetricsResolver Resolver() => new(new PredictionReader(_store), new ArtifactMetricsReader(_store));

    private static TrainingJobResult Training(params (string Name, double Value)[] metrics) => new()
    {
        TrainingJobName = "churn-20261123T1300-a1b2c3-r0",
        TrainingJobStatus = "Completed",
        ModelArtifacts = new ModelArtifacts(Artifact),
        FinalMetricDataList = metrics.Select(m => new FinalMetric { MetricName = m.Name, Value = m.Value }).ToList(),
    };

    [Fact]
    public async Task Test_split_predictions_are_preferred_over_the_training_job_metrics()
    {
        _store.Put(Bucket, Prefix + "part-00000.csv.out", "0,0.1\n0,0.4\n1,0.35\n1,0.8\n");

        var resolved = await Resolver().ResolveAsync(Bucket, Prefix, Training(("validation:auc", 0.99)));

        Assert.Equal(MetricsSource.TestSplit, resolved.Source);
        Assert.Equal(0.75, resolved.Metrics.Values[ModelMetricNames.Auc], 10);
        Assert.Equal(4, resolved.RowCount);
    }

    [Fact]
    public async Task Without_predictions_the_training_jobs_validation_metrics_are_used_and_train_metrics_ignored()
    {
        var resolved = await Resolver().ResolveAsync(Bucket, Prefix,
            Training(("train:auc", 0.99), ("validation:auc", 0.81), ("validation:error", 0.2), ("validation:logloss", 0.45)));

        Assert.Equal(MetricsSource.TrainingJob, resolved.Source);
        Assert.Equal(0.81, resolved.Metrics.Values[ModelMetricNames.Auc]);
        Assert.Equal(0.8, resolved.Metrics.Values[ModelMetricNames.Accuracy], 10);
        Assert.Equal(0.45, resolved.Metrics.Values[ModelMetricNames.LogLoss]);
        Assert.Contains(resolved.Attempts, a => a.Contains(Prefix));
    }

    [Fact]
    public async Task Without_job_metrics_a_metrics_file_inside_the_model_artifact_is_used()
    {
        _store.Put(Bucket, "models/raw/churn/job/output/model.tar.gz", ModelArchive.With(
            ("xgboost-model", "binary"),
            ("./metrics.json", """{"validation_metrics": {"roc_auc": 0.77, "f1_score": "0.61"}, "train": {"auc": 0.95}}""")));

        var resolved = await Resolver().ResolveAsync(Bucket, Prefix, Training(("train:auc", 0.99)));

        Assert.Equal(MetricsSource.ModelArtifact, resolved.Source);
        Assert.Equal(0.77, resolved.Metrics.Values[ModelMetricNames.Auc]);
        Assert.Equal(0.61, resolved.Metrics.Values[ModelMetricNames.F1]);
        Assert.Equal(2, resolved.Metrics.Values.Count);
    }

    [Fact]
    public async Task With_no_source_the_result_is_explicitly_none_and_lists_what_was_tried()
    {
        _store.Put(Bucket, "models/raw/churn/job/output/model.tar.gz", ModelArchive.With(("xgboost-model", "binary")));

        var resolved = await Resolver().ResolveAsync(Bucket, Prefix, Training());

        Assert.Equal(MetricsSource.None, resolved.Source);
        Assert.Empty(resolved.Metrics.Values);
        Assert.Equal(3, resolved.Attempts.Count);
        Assert.Contains(resolved.Attempts, a => a.Contains("metrics.json"));
    }

    [Fact]
    public async Task A_predictions_prefix_given_as_an_s3_uri_reads_that_bucket()
    {
        _store.Put("other-bucket", Prefix + "part-00000.csv.out", "1,0.9\n0,0.1\n");

        var resolved = await Resolver().ResolveAsync(Bucket, $"s3://other-bucket/{Prefix}", Training());

        Assert.Equal(MetricsSource.TestSplit, resolved.Source);
        Assert.Equal(1.0, resolved.Metrics.Values[ModelMetricNames.Auc]);
    }

    [Fact]
    public void Top_level_metrics_with_common_spellings_are_mapped()
    {
        using var document = JsonDocument.Parse("""{"auc": 0.7, "logloss": 0.5, "brier_score": 0.2, "epochs": 10, "accuracy": "n/a"}""");

        var metrics = ArtifactMetricsReader.Extract(document.RootElement);

        Assert.Equal(new Dictionary<string, double> { ["auc"] = 0.7, ["log_loss"] = 0.5, ["brier"] = 0.2 }, metrics);
    }

    [Fact]
    public void In_a_flat_file_of_channel_metrics_only_the_validation_channel_counts()
    {
        using var document = JsonDocument.Parse("""{"train:auc": 0.99, "train:logloss": 0.1, "validation:auc": 0.81, "validation:logloss": 0.44}""");

        var metrics = ArtifactMetricsReader.Extract(document.RootElement);

        Assert.Equal(new Dictionary<string, double> { ["auc"] = 0.81, ["log_loss"] = 0.44 }, metrics);
    }
}
