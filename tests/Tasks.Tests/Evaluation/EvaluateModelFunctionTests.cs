using TrainingOrchestration.LocalRuntime.S3;
using System.Text;
using System.Text.Json;
using TrainingOrchestration.Tasks.Adapters;
using TrainingOrchestration.Tasks.Configuration;
using TrainingOrchestration.Tasks.Evaluation;
using TrainingOrchestration.Tasks.Ports;
using TrainingOrchestration.Tasks.Tests.Support;
using TrainingOrchestration.Pipelines.Conventions;

namespace TrainingOrchestration.Tasks.Tests.Evaluation;

/// <summary>The handler end to end over a directory-backed object store and an in-memory model registry.</summary>
public sealed class EvaluateModelFunctionTests : IDisposable
{
    private const string Bucket = "churn-bucket";
    private const string RunId = "20261123T1300-a1b2c3";
    private const string PredictionsPrefix = $"reports/churn/run={RunId}/predictions/";
    private static readonly DateTimeOffset Now = new(2026, 11, 23, 14, 0, 0, TimeSpan.Zero);

    private readonly TempDirectory _root = new();
    private readonly FileObjectStore _store;
    private readonly InMemoryModelRegistry _registry = new();
    private readonly StringWriter _output = new();

    public EvaluateModelFunctionTests() => _store = new FileObjectStore(_root.Path);

    public void Dispose() => _root.Dispose();

    private EvaluateModelFunction Function() => new(
        TaskOptions.FromVariables(new Dictionary<string, string>
        {
            ["TABLE_NAME"] = "churn-table",
            ["BUCKET_NAME"] = Bucket,
            ["PIPELINE_NAME"] = "churn",
            ["PIPELINE_CONFIG"] = PipelineConfig.Serialize(PipelineSpecs.Churn()),
        }),
        _store, _registry, _output, new FixedClock(Now));

    private static string Payload(string finalMetrics = """[{"MetricName":"validation:auc","Value":0.99}]""") => $$$"""
        {"pipeline":"churn","runId":"{{{RunId}}}","bucket":"{{{Bucket}}}","predictionsPrefix":"{{{PredictionsPrefix}}}",
         "training":{"TrainingJobName":"churn-{{{RunId}}}-r0","TrainingJobStatus":"Completed",
                     "ModelArtifacts":{"S3ModelArtifacts":"s3://{{{Bucket}}}/models/raw/churn/churn-{{{RunId}}}-r0/output/model.tar.gz"},
                     "FinalMetricDataList":{{{finalMetrics}}},
                     "TrainingStartTime":"1763902800000","TrainingEndTime":"2025-11-23T13:10:00Z"}}
        """;

    private async Task<JsonElement> Invoke(string payload)
    {
        await using var result = await Function().Handle(new MemoryStream(Encoding.UTF8.GetBytes(payload)));
        using var document = await JsonDocument.ParseAsync(result);
        return document.RootElement.Clone();
    }

    private async Task WritePredictions(string text) =>
        await _store.WriteAsync(Bucket, PredictionsPrefix + "part-00000.csv.out", new MemoryStream(Encoding.UTF8.GetBytes(text)));

    [Fact]
    public async Task A_good_candidate_without_a_champion_is_promoted_on_test_split_metrics()
    {
        await WritePredictions("0,0.1\n0,0.2\n1,0.8\n1,0.9\n0,0.3\n1,0.7\n");

        var result = await Invoke(Payload());

        Assert.Equal("PROMOTE", result.GetProperty("decision").GetString());
        Assert.Equal("test-split", result.GetProperty("metricsSource").GetString());
        Assert.Equal(1.0, result.GetProperty("metrics").GetProperty("auc").GetDouble());
        Assert.Equal(JsonValueKind.Null, result.GetProperty("champion").ValueKind);
        Assert.Equal("none", result.GetProperty("expectedChampionRunId").GetString());
        var thresholds = result.GetProperty("thresholds").EnumerateArray().ToList();
        Assert.Equal(["auc", "log_loss"], thresholds.Select(t => t.GetProperty("metric").GetString()));
        Assert.False(thresholds[0].TryGetProperty("max", out _));
        Assert.Equal(0.7, thresholds[0].GetProperty("min").GetDouble());
        Assert.True(thresholds[0].GetProperty("passed").GetBoolean());
    }

    [Fact]
    public async Task The_candidate_is_recorded_as_a_model_item_with_its_decision()
    {
        await WritePredictions("0,0.1\n1,0.9\n");

        await Invoke(Payload());

        var model = Assert.Single(_registry.Candidates);
        Assert.Equal(RunId, model.RunId);
        Assert.Equal(ModelStatus.Candidate, model.Status);
        Assert.Equal("PROMOTE", model.Decision);
        Assert.Equal($"s3://{Bucket}/models/raw/churn/churn-{RunId}-r0/output/model.tar.gz", model.Artifact);
        Assert.Equal(Now, model.EvaluatedAt);
    }

    [Fact]
    public async Task A_champion_the_workflow_did_not_score_on_this_split_keeps_its_place()
    {
        await WritePredictions("0,0.1\n0,0.4\n1,0.35\n1,0.8\n");
        _registry.SetChampion("churn", new ChampionRecord("20261101T0000-ffffff", null, new Dictionary<string, double> { ["auc"] = 0.5 }, "auc", null));

        var result = await Invoke(Payload());

        Assert.Equal("REJECT", result.GetProperty("decision").GetString());
        Assert.Equal("20261101T0000-ffffff", result.GetProperty("expectedChampionRunId").GetString());
        Assert.Contains("was not scored on this run's test split", result.GetProperty("champion").GetProperty("unavailable").GetString());
    }

    [Fact]
    public async Task Without_predictions_the_training_job_metrics_decide_and_say_so()
    {
        var result = await Invoke(Payload("""[{"MetricName":"validation:auc","Value":0.83},{"MetricName":"validation:logloss","Value":0.41}]"""));

        Assert.Equal("PROMOTE", result.GetProperty("decision").GetString());
        Assert.Equal("training-job", result.GetProperty("metricsSource").GetString());
    }

    [Fact]
    public async Task With_no_metrics_anywhere_the_candidate_is_rejected_not_given_zeros()
    {
        var result = await Invoke(Payload("[]"));

        Assert.Equal("REJECT", result.GetProperty("decision").GetString());
        Assert.Equal("none", result.GetProperty("metricsSource").GetString());
        Assert.Empty(result.GetProperty("metrics").EnumerateObject());
        Assert.Contains("no metrics for the candidate", result.GetProperty("reason").GetString());
    }

    [Fact]
    public async Task A_test_split_of_one_class_rejects_with_the_reason_instead_of_a_nan_auc()
    {
        await WritePredictions("0,0.1\n0,0.3\n0,0.2\n\n");

        var result = await Invoke(Payload());

        Assert.Equal("REJECT", result.GetProperty("decision").GetString());
        Assert.Equal("test-split", result.GetProperty("metricsSource").GetString());
        Assert.False(result.GetProperty("metrics").TryGetProperty("auc", out _));
        Assert.Contains("auc is undefined: the test split has only one class (0 positives and 3 negatives in 3 rows)",
            result.GetProperty("reason").GetString());
        var auc = result.GetProperty("thresholds").EnumerateArray().First();
        Assert.Equal(JsonValueKind.Null, auc.GetProperty("observed").ValueKind);
        Assert.False(auc.GetProperty("passed").GetBoolean());
    }

    [Fact]
    public async Task Metrics_are_emitted_in_embedded_metric_format()
    {
        await WritePredictions("0,0.1\n1,0.9\n");

        await Invoke(Payload());

        var lines = _output.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(l => JsonDocument.Parse(l).RootElement)
            .Where(l => l.TryGetProperty("_aws", out _))
            .ToList();
        var outcome = lines.Single(l => l.TryGetProperty("CandidatesPromoted", out _));
        Assert.Equal(1, outcome.GetProperty("CandidatesPromoted").GetDouble());
        Assert.Equal(600, outcome.GetProperty("TrainingDurationSeconds").GetDouble());
        var auc = lines.Single(l => l.TryGetProperty("Metric", out var m) && m.GetString() == "auc");
        Assert.Equal(1.0, auc.GetProperty("ModelMetric").GetDouble());
        Assert.Equal("churn", auc.GetProperty("Pipeline").GetString());
        Assert.Equal(0, outcome.GetProperty("CandidatesRejected").GetDouble());
        var cost = lines.Single(l => l.TryGetProperty("RunCost", out _));
        Assert.Equal(("churn", "critical"), (cost.GetProperty("Pipeline").GetString(), cost.GetProperty("Tier").GetString()));
    }

    [Fact]
    public async Task An_input_for_another_pipeline_is_refused()
    {
        var payload = Payload().Replace("\"pipeline\":\"churn\"", "\"pipeline\":\"other\"");

        await Assert.ThrowsAsync<TrainingOrchestration.Tasks.Json.TaskInputException>(() => Invoke(payload));
    }
}
