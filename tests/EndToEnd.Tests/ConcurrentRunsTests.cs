using System.Text.Json.Nodes;

namespace TrainingOrchestration.EndToEnd.Tests;

/// <summary>Two training runs started together never both become champion: the pipeline lock admits one (the other is a recorded skip), and the champion write is conditional.</summary>
[Collection(ChurnStackCollection.Name)]
public sealed class ConcurrentRunsTests(ChurnStackFixture stack)
{
    [Fact]
    public async Task Two_concurrent_runs_never_both_become_champion()
    {
        await using var cloud = (await stack.StartAsync()).Cloud;
        var session = new PipelineSession(cloud, stack.Spec);
        session.StageRawData(stack.Spec.SampleDataFile!);
        string[] runIds = ["20261123T1300-c0ffe1", "20261123T1300-c0ffe2"];

        await Task.WhenAll(runIds.Select(runId => cloud.Engine.StartExecutionAsync(session.StateMachineArn("training"), $"churn-{runId}",
            new JsonObject { ["pipeline"] = "churn", ["runId"] = runId, ["trigger"] = new JsonObject { ["reason"] = "test", ["pendingChanges"] = 0 } }.ToJsonString())));
        await session.WaitForIdleAsync(SessionSteps.Settle);

        var items = await session.ReadItemsAsync();
        var champions = items.Where(i => i["sk"].Text().StartsWith("MODEL#", StringComparison.Ordinal) && i["status"].Text() == "CHAMPION").ToList();
        var champion = Assert.Single(champions);
        Assert.Equal(champion["runId"].Text(), (await session.ReadItemAsync("CHAMPION"))!["runId"].Text());
        var promoted = items.Where(i => i["sk"].Text().StartsWith("RUN#", StringComparison.Ordinal) && i["decision"].Text() == "PROMOTED").ToList();
        Assert.Equal(champion["runId"].Text(), Assert.Single(promoted)["runId"].Text());
        var executions = session.ExecutionsOf("training");
        Assert.Equal(2, executions.Count);
        // The run that found the pipeline locked is a recorded skip (PipelineBusy), never a second champion.
        Assert.Contains(items, i => i["sk"].Text().StartsWith("RUN#", StringComparison.Ordinal) && i["status"].Text() == "SKIPPED");
        Assert.Single(cloud.Bus.Events, e => e.DetailType == "Model Promoted");
    }
}
