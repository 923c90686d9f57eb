using System.Text.Json.Nodes;
using TrainingOrchestration.Asl;
using TrainingOrchestration.LocalRuntime.Faults;
using TrainingOrchestration.LocalRuntime.Runs;

namespace TrainingOrchestration.EndToEnd.Tests;

/// <summary>
/// A run that fails at a Task fails its execution at that Task (no catch into a terminal Fail), the run-status workflow
/// records the failure from the execution's status-change event and keeps the lock for a redrive, and a redrive — what
/// the console's Redrive button does — resumes at that Task, skips what had succeeded and records the final outcome.
/// Each fault is raised by the local stand-in under the name AWS raises, as often as the state's Retry allows and once
/// more, then cleared, as an operator would fix the cause before redriving.
/// </summary>
[Collection(ChurnStackCollection.Name)]
public sealed class RedriveTests(ChurnStackFixture stack)
{
    private const int EveryAttempt = StateMachine.ServiceRetries.MaxAttempts + 1;

    [Theory]
    [InlineData("BuildFeatures", "glue:startJobRun", "InternalServiceException")]
    [InlineData("ValidateFeatures", "lambda:invoke", "ServiceException")]
    [InlineData("StartTrainingJob", "sagemaker:createTrainingJob", "ThrottlingException")]
    [InlineData("WaitForTrainingJob", "aws-sdk:dynamodb:putItem", "ThrottlingException")]
    [InlineData("ScoreTestSplit", "sagemaker:createTransformJob", "ThrottlingException")]
    [InlineData("EvaluateCandidate", "lambda:invoke", "ServiceException")]
    [InlineData("CopyApprovedModel", "aws-sdk:s3:copyObject", "InternalError")]
    [InlineData("PromoteCandidate", "dynamodb:updateItem", "InternalServerError")]
    // After the champion write (PublishModelPromoted and the other side effects) a failure no longer fails the run:
    // PromotionSideEffectTests shows it recorded PROMOTED with the failed step named.
    public async Task A_run_failed_at_a_task_is_recorded_and_a_redrive_resumes_there_and_records_the_outcome(string state, string integration, string code)
    {
        await using var cloud = (await stack.StartAsync()).Cloud;
        var session = new PipelineSession(cloud, stack.Spec);
        cloud.Faults.Inject(new ServiceFault(integration, code, "We encountered an internal error. Please try again.", 500, EveryAttempt) { State = state });

        await session.SendCdcEventAsync(stack.SampleEvent);

        var failed = Assert.Single(session.ExecutionsOf("training"));
        Assert.Equal("FAILED", failed.StatusName);
        var before = session.PathOf(failed);
        Assert.Equal(state, before[^1]);
        var run = await session.SingleRunAsync();
        Assert.Equal("FAILED", run["status"].Text());
        Assert.Equal(state, run["failedState"].Text());
        Assert.Equal(failed.Error, run["error"].Text());
        var locked = await session.ReadItemAsync("LOCK");
        Assert.Equal(failed.ExecutionArn, locked!["holder"].Text());
        Assert.NotEqual("", locked["redriveUntil"].Text());
        Assert.Contains(cloud.Bus.Events, e => e.DetailType == "Training Run Failed");

        cloud.Faults.Clear();
        cloud.Engine.RedriveExecution(failed.ExecutionArn);
        await session.WaitForIdleAsync(SessionSteps.Settle);

        var redriven = cloud.Engine.DescribeExecution(failed.ExecutionArn);
        Assert.Equal("SUCCEEDED", redriven.StatusName);
        Assert.Equal(1, redriven.RedriveCount);
        var history = cloud.Engine.GetExecutionHistory(failed.ExecutionArn);
        var redrivenAt = history.ToList().FindIndex(e => e.Type == "ExecutionRedriven");
        Assert.True(redrivenAt > 0, "ExecutionRedriven is in the history");
        var after = history.Skip(redrivenAt).Where(e => e.Type.EndsWith("StateEntered", StringComparison.Ordinal))
            .Select(e => e.Details!["name"]!.GetValue<string>()).ToList();
        Assert.Equal(state, after[0]);
        Assert.DoesNotContain("BuildFeatures", after.Skip(1));
        Assert.DoesNotContain("AcquirePipelineLock", after);
        Assert.Equal("Done", after[^1]);

        run = await session.SingleRunAsync();
        Assert.Equal("SUCCEEDED", run["status"].Text());
        Assert.Equal("PROMOTED", run["decision"].Text());
        Assert.Equal("1", run["redriveCount"].Text());
        Assert.Equal(state, run["failedState"].Text());
        Assert.Null((await session.ReadItemAsync("LOCK"))?["holder"]);
    }

    [Fact]
    public async Task A_rerun_gets_a_fresh_run_id_linked_to_the_failed_run_and_takes_its_lock_over()
    {
        await using var cloud = (await stack.StartAsync()).Cloud;
        var session = new PipelineSession(cloud, stack.Spec);
        cloud.Faults.Inject(new ServiceFault("glue:startJobRun", "EntityNotFoundException", "Job not found", 400, EveryAttempt));
        await session.SendCdcEventAsync(stack.SampleEvent);
        var failed = Assert.Single(session.ExecutionsOf("training"));
        var failedRunId = JsonNode.Parse(failed.Input)!["runId"]!.GetValue<string>();
        cloud.Faults.Clear();

        // The console's "New execution" on the failed one: same input, a new name.
        var rerun = cloud.Engine.StartExecution(failed.StateMachineArn, failed.Name + "-rerun", failed.Input);
        await session.WaitForIdleAsync(SessionSteps.Settle);

        var rerunExecution = cloud.Engine.DescribeExecution(rerun.ExecutionArn);
        Assert.True(rerunExecution.StatusName == "SUCCEEDED",
            $"{rerunExecution.StatusName} {rerunExecution.Error} {rerunExecution.Cause} {string.Join(" > ", session.PathOf(rerunExecution))}");
        var runs = await session.ReadRunsAsync();
        Assert.Equal(2, runs.Count);
        var old = Assert.Single(runs, r => r["runId"].Text() == failedRunId);
        Assert.Equal("FAILED", old["status"].Text());
        var fresh = Assert.Single(runs, r => r["runId"].Text() != failedRunId);
        Assert.Equal("PROMOTED", fresh["decision"].Text());
        Assert.Equal(failedRunId, fresh["rerunOf"].Text());
        Assert.Matches("^[0-9]{8}T[0-9]{4}-[0-9a-f]{6}$", fresh["runId"].Text());
        Assert.Contains(fresh["runId"].Text(), fresh["trainingJobName"].Text());

        // Step Functions still accepts a redrive of the failed execution, but the rerun superseded it (it held the lock
        // since): the run-status workflow stops the redrive, and the old run stays FAILED.
        cloud.Engine.RedriveExecution(failed.ExecutionArn);
        await session.WaitForIdleAsync(SessionSteps.Settle);
        var stopped = cloud.Engine.DescribeExecution(failed.ExecutionArn);
        Assert.Equal("ABORTED", stopped.StatusName);
        Assert.Equal("FAILED", (await session.ReadItemAsync($"RUN#{failedRunId}"))!["status"].Text());
        Assert.Single(await session.ReadRunsAsync(), r => r["decision"].Text() == "PROMOTED");
    }

    [Fact]
    public async Task A_run_finding_the_lock_held_for_a_redrive_is_a_recorded_skip_that_keeps_the_changes_counted()
    {
        await using var cloud = (await stack.StartAsync()).Cloud;
        var session = new PipelineSession(cloud, stack.Spec);
        cloud.Faults.Inject(new ServiceFault("glue:startJobRun", "EntityNotFoundException", "Job not found", 400, EveryAttempt));
        await session.SendCdcEventAsync(stack.SampleEvent);
        cloud.Faults.Clear();
        var failed = Assert.Single(session.ExecutionsOf("training"));
        Assert.Equal("FAILED", failed.StatusName);

        // More changes arrive and the trigger starts the next run, as it does, under the counter's generation.
        await cloud.DynamoDb.UpdateItemAsync(new Amazon.DynamoDBv2.Model.UpdateItemRequest
        {
            TableName = session.TableName,
            Key = new() { ["pk"] = new() { S = "PIPELINE#churn" }, ["sk"] = new() { S = "TRIGGER" } },
            UpdateExpression = "SET pendingChanges = :n",
            ExpressionAttributeValues = new() { [":n"] = new() { N = "42" } },
        });
        var counter = await session.ReadItemAsync("TRIGGER");
        var generation = long.Parse(counter!["generation"].Text(), System.Globalization.CultureInfo.InvariantCulture);
        var input = new JsonObject
        {
            ["pipeline"] = "churn",
            ["runId"] = "20261123T0900-b0b0b0",
            ["trigger"] = new JsonObject { ["reason"] = "42 changes pending", ["pendingChanges"] = 42, ["eventId"] = "e-2", ["generation"] = generation },
        };
        var next = cloud.Engine.StartExecution(failed.StateMachineArn, $"churn-g{generation}", input.ToJsonString());
        await session.WaitForIdleAsync(SessionSteps.Settle);

        Assert.Equal("SUCCEEDED", cloud.Engine.DescribeExecution(next.ExecutionArn).StatusName);
        var busy = await session.ReadItemAsync("RUN#20261123T0900-b0b0b0");
        Assert.Equal("SKIPPED", busy!["status"].Text());
        Assert.StartsWith("PipelineBusy", busy["reason"].Text());
        Assert.Contains(failed.ExecutionArn, busy["reason"].Text());
        Assert.DoesNotContain(cloud.Sns.Messages, m => m.Message.Contains("20261123T0900-b0b0b0", StringComparison.Ordinal));
        var after = await session.ReadItemAsync("TRIGGER");
        Assert.Equal("42", after!["pendingChanges"].Text());
        Assert.Equal((generation + 1).ToString(System.Globalization.CultureInfo.InvariantCulture), after["generation"].Text());
        Assert.Equal(failed.ExecutionArn, (await session.ReadItemAsync("LOCK"))!["holder"].Text());
    }
}
