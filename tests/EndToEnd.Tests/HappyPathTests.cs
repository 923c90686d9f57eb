using System.Text.Json.Nodes;

namespace TrainingOrchestration.EndToEnd.Tests;

[Collection(ChurnStackCollection.Name)]
public sealed class HappyPathTests(ChurnStackFixture stack)
{
    [Fact]
    public async Task Sample_cdc_event_flows_through_trigger_training_and_callback_and_promotes_the_first_model()
    {
        await using var cloud = (await stack.StartAsync()).Cloud;
        var session = new PipelineSession(cloud, stack.Spec);

        await session.SendCdcEventAsync(stack.SampleEvent);

        var run = await session.SingleRunAsync();
        Assert.Equal("SUCCEEDED", run["status"].Text());
        Assert.Equal("PROMOTED", run["decision"].Text());
        Assert.True(run["metrics"]!["auc"]!.GetValue<double>() >= 0.80, $"test AUC {run["metrics"]!["auc"]} is below 0.80");
        var champion = await session.ReadItemAsync("CHAMPION");
        Assert.Equal(run["runId"].Text(), champion!["runId"].Text());
        Assert.True(File.Exists(cloud.Buckets.PathFor(session.BucketName, $"models/approved/churn/{run["runId"].Text()}/model.tar.gz")));
        Assert.Contains(cloud.Bus.Events, e => e.DetailType == "Model Promoted");
        Assert.Contains(cloud.Bus.Events, e => e.DetailType == "SageMaker Training Job State Change" && e.Deliveries.Any(d => d.Result is not null));
        Assert.NotEmpty(cloud.Sns.Messages);
        var decision = Assert.Single(await session.ReadItemsAsync(), i => i["sk"].Text().StartsWith("DECISION#", StringComparison.Ordinal));
        Assert.Equal("START", decision["decision"].Text());
        Assert.All(session.Executions(), e => Assert.Equal(Asl.ExecutionStatus.Succeeded, e.Execution.Status));
    }
}
