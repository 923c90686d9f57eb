using System.Text.Json.Nodes;
using TrainingOrchestration.LocalRuntime.Runs;

namespace TrainingOrchestration.EndToEnd.Tests;

/// <summary>
/// The bundled regression (monthly-charges) and multi-class (contract-type) pipelines through the local runtime: the
/// first run is promoted on its type's metrics, a second run scores the champion on its own test split and compares
/// the two with the paired bootstrap on the (lower-is-better) primary metric.
/// </summary>
[Collection(ChurnStackCollection.Name)]
public sealed class ProblemTypeRunTests(ChurnStackFixture stack)
{
    private const string SecondRunId = "20261124T0900-0a1b2c";

    private static async Task<JsonObject> SecondRunAsync(PipelineSession session)
    {
        var pipeline = session.Pipeline.Name;
        var input = new JsonObject { ["pipeline"] = pipeline, ["runId"] = SecondRunId, ["trigger"] = new JsonObject { ["reason"] = "operator rerun", ["pendingChanges"] = 0 } };
        await session.Cloud.Engine.StartExecutionAsync(session.StateMachineArn("training"), $"{pipeline}-second", input.ToJsonString());
        await session.WaitForIdleAsync(SessionSteps.Settle);
        return (await session.ReadItemAsync($"RUN#{SecondRunId}"))!;
    }

    [Fact]
    public async Task The_regression_pipeline_is_promoted_on_rmse_and_a_second_run_is_compared_with_the_champion_on_its_split()
    {
        var session = await stack.StartPipelineAsync("monthly-charges");
        await using var cloud = session.Cloud;
        await session.SendCdcEventAsync(JsonNode.Parse(File.ReadAllText(session.Pipeline.SampleEventFile!))!.AsObject());

        var first = await session.SingleRunAsync();
        Assert.True(first["decision"].Text() == "PROMOTED", first.ToJsonString());
        var metrics = first["metrics"]!.AsObject();
        Assert.True(metrics.ContainsKey("rmse"), first.ToJsonString());
        Assert.InRange(metrics["rmse"]!.GetValue<double>(), 0.1, 3.0);
        Assert.InRange(metrics["r2"]!.GetValue<double>(), 0.98, 1.0);
        Assert.True(metrics["mae"]!.GetValue<double>() <= metrics["rmse"]!.GetValue<double>());
        Assert.False(metrics.ContainsKey("auc"));
        var predictions = Directory.GetFiles(cloud.Buckets.PathFor(session.BucketName, $"reports/monthly-charges/run={first["runId"].Text()}/predictions"), "*.out", SearchOption.AllDirectories);
        Assert.NotEmpty(predictions);
        Assert.All(predictions.SelectMany(File.ReadLines).Where(l => l.Length > 0), l => Assert.Equal(2, l.Split(',').Length));
        var quality = JsonNode.Parse(File.ReadAllText(cloud.Buckets.PathFor(session.BucketName, $"reports/monthly-charges/run={first["runId"].Text()}/model-metrics.json")))!;
        Assert.Equal(metrics["rmse"]!.GetValue<double>(), quality["regression_metrics"]!["rmse"]!["value"]!.GetValue<double>(), 12);

        var second = await SecondRunAsync(session);

        Assert.Equal("SUCCEEDED", second["status"].Text());
        var champion = second["champion"]!;
        Assert.Equal(first["runId"].Text(), champion["runId"].Text());
        Assert.Equal("rmse", champion["metric"].Text());
        Assert.Equal("paired-bootstrap", champion["interval"]!["method"].Text());
        Assert.NotNull(champion["metrics"]!["rmse"]);
        Assert.Contains("(lower is better)", second["reason"].Text());
    }

    [Fact]
    public async Task The_multiclass_pipeline_is_promoted_on_log_loss_with_a_confusion_matrix_and_per_class_explanations()
    {
        var session = await stack.StartPipelineAsync("contract-type");
        await using var cloud = session.Cloud;
        await session.SendCdcEventAsync(JsonNode.Parse(File.ReadAllText(session.Pipeline.SampleEventFile!))!.AsObject());

        var first = await session.SingleRunAsync();
        Assert.True(first["decision"].Text() == "PROMOTED", first.ToJsonString());
        var metrics = first["metrics"]!.AsObject();
        Assert.InRange(metrics["log_loss"]!.GetValue<double>(), 0.1, 0.7);
        Assert.InRange(metrics["accuracy"]!.GetValue<double>(), 0.7, 1.0);
        Assert.InRange(metrics["macro_f1"]!.GetValue<double>(), 0.6, 1.0);
        // Each output line is the joined record ending in the container's list of the three class probabilities.
        var predictions = Directory.GetFiles(cloud.Buckets.PathFor(session.BucketName, $"reports/contract-type/run={first["runId"].Text()}/predictions"), "*.out", SearchOption.AllDirectories);
        Assert.NotEmpty(predictions);
        Assert.All(predictions.SelectMany(File.ReadLines).Where(l => l.Length > 0), l => Assert.Matches(@"^[012],.*,\[[0-9.e-]+, [0-9.e-]+, [0-9.e-]+\]$", l));
        var quality = JsonNode.Parse(File.ReadAllText(cloud.Buckets.PathFor(session.BucketName, $"reports/contract-type/run={first["runId"].Text()}/model-metrics.json")))!;
        Assert.Equal(3, quality["multiclass_classification_metrics"]!["confusion_matrix"]!.AsObject().Count);

        var explanation = RunExplanation.Build(session, first)!;
        var top = explanation["features"]!.AsArray()[0]!;
        Assert.Equal(3, top["meanAbsShapByClass"]!.AsArray().Count);
        Assert.Equal(top["meanAbsShapByClass"]!.AsArray().Average(v => v!.GetValue<double>()), top["meanAbsShap"]!.GetValue<double>(), 3);
        var workspace = Directory.CreateTempSubdirectory("contract-type-report-").FullName;
        var report = await RunReportComposer.WriteAsync(session, first, TimeSpan.FromSeconds(1), workspace, explanation: explanation);
        Assert.Contains("| actual / predicted | 0 | 1 | 2 |", File.ReadAllText(report!.Report));

        var second = await SecondRunAsync(session);

        var champion = second["champion"]!;
        Assert.Equal(first["runId"].Text(), champion["runId"].Text());
        Assert.Equal("log_loss", champion["metric"].Text());
        Assert.Equal("paired-bootstrap", champion["interval"]!["method"].Text());
        Assert.Equal(metrics["log_loss"]!.GetValue<double>(), champion["metrics"]!["log_loss"]!.GetValue<double>(), 9);
    }
}
