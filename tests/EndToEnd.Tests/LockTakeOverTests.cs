using Amazon.DynamoDBv2.Model;
using TrainingOrchestration.LocalRuntime.Runs;

namespace TrainingOrchestration.EndToEnd.Tests;

/// <summary>
/// A run whose execution ended without recording anything (the local process was killed; on AWS an execution gone from
/// Step Functions) never stays RUNNING: the next run finds its lock held by an execution that is not running, takes
/// the lock over and marks the old run ABANDONED with the reason.
/// </summary>
[Collection(ChurnStackCollection.Name)]
public sealed class LockTakeOverTests(ChurnStackFixture stack)
{
    [Fact]
    public async Task The_next_run_takes_over_the_lock_of_a_killed_run_and_marks_that_run_abandoned()
    {
        await using var cloud = (await stack.StartAsync()).Cloud;
        var session = new PipelineSession(cloud, stack.Spec);
        const string killed = "arn:aws:states:us-east-1:123456789012:execution:churn-training:churn-g-killed";
        await Put(session, "LOCK", new() { ["holder"] = new() { S = killed }, ["runId"] = new() { S = "20261122T2300-dead00" } });
        await Put(session, "RUN#20261122T2300-dead00", new() { ["runId"] = new() { S = "20261122T2300-dead00" }, ["status"] = new() { S = "RUNNING" }, ["executionArn"] = new() { S = killed } });

        await session.SendCdcEventAsync(stack.SampleEvent);

        var abandoned = await session.ReadItemAsync("RUN#20261122T2300-dead00");
        Assert.Equal("ABANDONED", abandoned!["status"].Text());
        Assert.Equal("FAILED", abandoned["decision"].Text());
        Assert.Contains(killed, abandoned["reason"].Text());
        var training = Assert.Single(session.ExecutionsOf("training"));
        Assert.Equal("SUCCEEDED", training.StatusName);
        Assert.Contains("TakeOverStaleLock", session.PathOf(training));
        Assert.Contains(await session.ReadRunsAsync(), r => r["decision"].Text() == "PROMOTED");
    }

    private static Task Put(PipelineSession session, string sk, Dictionary<string, AttributeValue> attributes) =>
        session.Cloud.DynamoDb.PutItemAsync(new PutItemRequest
        {
            TableName = session.TableName,
            Item = new Dictionary<string, AttributeValue>(attributes) { ["pk"] = new() { S = "PIPELINE#churn" }, ["sk"] = new() { S = sk } },
        });
}
