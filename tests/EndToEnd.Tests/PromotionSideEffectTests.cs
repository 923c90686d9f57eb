using TrainingOrchestration.LocalRuntime.Faults;

namespace TrainingOrchestration.EndToEnd.Tests;

/// <summary>
/// A promotion is all or nothing (issue 14 item 5): the artifact is copied before the champion write, so a failed copy
/// moves nothing; after the write, a failed side effect is named on a run that stays PROMOTED.
/// </summary>
[Collection(ChurnStackCollection.Name)]
public sealed class PromotionSideEffectTests(ChurnStackFixture stack)
{
    [Fact]
    public async Task A_promotion_whose_event_cannot_be_published_is_recorded_promoted_with_the_failed_side_effect_named()
    {
        await using var cloud = (await stack.StartAsync()).Cloud;
        var session = new PipelineSession(cloud, stack.Spec);
        // More throttling answers than the Retry's attempts: PublishModelPromoted fails for good.
        cloud.Faults.Inject(new ServiceFault("events:putEvents", "ThrottlingException", Times: 20));

        await session.SendCdcEventAsync(stack.SampleEvent);

        var run = await session.SingleRunAsync();
        Assert.Equal("SUCCEEDED", run["status"].Text());
        Assert.Equal("PROMOTED", run["decision"].Text());
        var failed = Assert.Single(run["sideEffects"]!.AsObject());
        Assert.Equal("PublishModelPromoted", failed.Key);
        Assert.Equal("EventBridge.AmazonEventBridgeException", failed.Value!["Error"].Text());
        Assert.Equal(run["runId"].Text(), (await session.ReadItemAsync("CHAMPION"))!["runId"].Text());
        Assert.Equal("CHAMPION", (await session.ReadItemAsync($"MODEL#{run["runId"].Text()}"))!["status"].Text());
        Assert.DoesNotContain(cloud.Bus.Events, e => e.DetailType == "Model Promoted");
        Assert.Null((await session.ReadItemAsync("LOCK"))?["holder"]);
    }

    [Fact]
    public async Task A_failed_copy_of_the_artifact_never_moves_the_champion()
    {
        await using var cloud = (await stack.StartAsync()).Cloud;
        var session = new PipelineSession(cloud, stack.Spec);
        cloud.Faults.Inject(new ServiceFault("aws-sdk:s3:copyObject", "NoSuchKey", "The specified key does not exist.", 404));

        await session.SendCdcEventAsync(stack.SampleEvent);

        var run = await session.SingleRunAsync();
        Assert.Equal("FAILED", run["status"].Text());
        Assert.Equal("CopyApprovedModel", run["failedState"].Text());
        Assert.Null(await session.ReadItemAsync("CHAMPION"));
        Assert.Equal("CANDIDATE", (await session.ReadItemAsync($"MODEL#{run["runId"].Text()}"))!["status"].Text());
        Assert.DoesNotContain(cloud.Bus.Events, e => e.DetailType == "Model Promoted");
    }
}
