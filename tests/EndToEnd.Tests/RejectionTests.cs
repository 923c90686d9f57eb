using System.Text.Json.Nodes;

namespace TrainingOrchestration.EndToEnd.Tests;

[Collection(ChurnStackCollection.Name)]
public sealed class RejectionTests(ChurnStackFixture stack)
{
    private const string SecondRunId = "20261123T1800-5e7f90";

    [Fact]
    public async Task Candidate_trained_on_shuffled_labels_is_rejected_below_threshold_and_the_champion_is_kept()
    {
        await using var cloud = (await stack.StartAsync()).Cloud;
        var session = new PipelineSession(cloud, stack.Spec);
        await session.SendCdcEventAsync(stack.SampleEvent);
        var champion = await session.SingleRunAsync();
        Assert.Equal("PROMOTED", champion["decision"].Text());

        session.StageRawData(ShuffleLabels(stack.Spec.SampleDataFile!, Path.Combine(cloud.Options.Workspace, "shuffled", "customers-shuffled.csv")));
        var input = new JsonObject { ["pipeline"] = "churn", ["runId"] = SecondRunId, ["trigger"] = new JsonObject { ["reason"] = "operator rerun", ["pendingChanges"] = 0 } };
        await cloud.Engine.StartExecutionAsync(session.StateMachineArn("training"), "churn-rerun-shuffled", input.ToJsonString());
        await session.WaitForIdleAsync(SessionSteps.Settle);

        var run = await session.ReadItemAsync($"RUN#{SecondRunId}");
        Assert.Equal("SUCCEEDED", run!["status"].Text());
        Assert.Equal("REJECTED", run["decision"].Text());
        Assert.True(run["metrics"]!["auc"]!.GetValue<double>() < 0.80);
        Assert.Contains("auc", run["reason"].Text(), StringComparison.OrdinalIgnoreCase);
        // The champion was scored on this run's (shuffled) test split too, and compared row by row.
        Assert.Equal(champion["runId"].Text(), run["champion"]!["runId"].Text());
        Assert.NotNull(run["champion"]!["metrics"]!["auc"]);
        Assert.Equal("delong", run["champion"]!["interval"]!["method"].Text());
        Assert.NotEmpty(Directory.GetFiles(cloud.Buckets.PathFor(session.BucketName, $"reports/churn/run={SecondRunId}/champion-predictions"), "*.out"));
        Assert.Equal(champion["runId"].Text(), (await session.ReadItemAsync("CHAMPION"))!["runId"].Text());
        Assert.Contains(cloud.Bus.Events, e => e.DetailType == "Model Rejected");
        Assert.Equal("REJECTED", (await session.ReadItemAsync($"MODEL#{SecondRunId}"))!["status"].Text());
        // The drift baseline stays what the champion was trained on.
        Assert.Equal(champion["runId"].Text(), (await session.ReadItemAsync("PROFILE#ACCEPTED"))!["runId"].Text());
        Assert.Equal("CHAMPION", (await session.ReadItemAsync($"MODEL#{champion["runId"].Text()}"))!["status"].Text());
        Assert.Equal(["Approved", "Rejected"], cloud.SageMaker.ModelPackages.List("TrainingOrchestration-churn").Select(p => p["ModelApprovalStatus"].Text()));
        Assert.False(File.Exists(cloud.Buckets.PathFor(session.BucketName, $"models/approved/churn/{SecondRunId}/model.tar.gz")));
    }

    /// <summary>The sample with its churn labels shuffled (fixed seed): the features no longer predict the label.</summary>
    private static string ShuffleLabels(string sample, string target)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(target)!);
        var lines = File.ReadAllLines(sample);
        var label = Array.IndexOf(lines[0].Split(','), "churn");
        var rows = lines.Skip(1).Select(l => l.Split(',')).ToList();
        var labels = rows.Select(r => r[label]).ToArray();
        new Random(20261123).Shuffle(labels);
        for (var i = 0; i < rows.Count; i++) rows[i][label] = labels[i];
        File.WriteAllLines(target, [lines[0], .. rows.Select(r => string.Join(',', r))]);
        return target;
    }
}
