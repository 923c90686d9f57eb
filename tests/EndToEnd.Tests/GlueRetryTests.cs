using System.Text.Json.Nodes;
using TrainingOrchestration.Asl;
using TrainingOrchestration.LocalRuntime.Glue;

namespace TrainingOrchestration.EndToEnd.Tests;

[Collection(ChurnStackCollection.Name)]
public sealed class GlueRetryTests(ChurnStackFixture stack)
{
    private const string RunId = "20261123T1000-0a1b2c";

    [Fact]
    public async Task Glue_run_refused_once_for_concurrency_is_retried_and_the_run_continues_with_the_features()
    {
        await using var cloud = (await stack.StartAsync()).Cloud;
        var session = new PipelineSession(cloud, stack.Spec);
        session.StageRawData(stack.Spec.SampleDataFile!);
        // The second attempt answers with the JobRun of a real feature job for this run, so validation reads real files.
        var jobRun = await RunFeatureJobAsThePipelineWould(cloud, session);
        var mocks = MockConfig.Parse(new JsonObject
        {
            ["StateMachines"] = new JsonObject { ["churn-training"] = new JsonObject { ["TestCases"] = new JsonObject { ["GlueBusyOnce"] = new JsonObject { ["BuildFeatures"] = "BusyThenRuns" } } } },
            ["MockedResponses"] = new JsonObject
            {
                ["BusyThenRuns"] = new JsonObject
                {
                    ["0"] = new JsonObject { ["Throw"] = new JsonObject { ["Error"] = "Glue.ConcurrentRunsExceededException", ["Cause"] = "Concurrent runs exceeded for churn-features" } },
                    ["1"] = new JsonObject { ["Return"] = jobRun },
                },
            },
        }.ToJsonString());
        cloud.Mocks.Use(mocks, "churn-training", "GlueBusyOnce");

        var input = new JsonObject { ["pipeline"] = "churn", ["runId"] = RunId, ["trigger"] = new JsonObject { ["reason"] = "operator rerun", ["pendingChanges"] = 0 } };
        var started = await cloud.Engine.StartExecutionAsync(session.StateMachineArn("training"), "churn-rerun-1", input.ToJsonString(), cloud.Mocks.For("churn-training"));
        await session.WaitForIdleAsync(SessionSteps.Settle);

        var history = cloud.Engine.GetExecutionHistory(started.ExecutionArn);
        Assert.Single(history, e => e.Type == "TaskFailed" && e.Details?["error"]?.GetValue<string>() == "Glue.ConcurrentRunsExceededException");
        var path = session.PathOf(cloud.Engine.DescribeExecution(started.ExecutionArn));
        Assert.Contains("ValidateFeatures", path);
        Assert.Contains("StartTrainingJob", path);
        var validation = await session.ReadItemAsync($"VALIDATION#{RunId}");
        Assert.True(validation!["passed"]!.GetValue<bool>());
        var run = await session.ReadItemAsync($"RUN#{RunId}");
        Assert.NotEqual("ValidationFailed", run!["error"].Text());
    }

    /// <summary>Runs the stack's Glue job with the arguments BuildFeatures passes, through the same integration the state uses.</summary>
    private static async Task<JsonNode> RunFeatureJobAsThePipelineWould(LocalCloud cloud, PipelineSession session)
    {
        var definition = JsonNode.Parse(session.Stack.OfType("AWS::StepFunctions::StateMachine").Single(m => m.Name == "churn-training").GetString("DefinitionString")!)!;
        var parameters = definition["States"]!["BuildFeatures"]!["Parameters"]!.DeepClone().AsObject();
        var arguments = parameters["Arguments"]!.AsObject();
        arguments.Remove("--run_id.$");
        arguments["--run_id"] = RunId;
        var request = TaskRequests.For("arn:aws:states:::glue:startJobRun.sync", parameters.ToJsonString());
        return (await new GlueServiceIntegration(cloud.Glue).InvokeAsync(request, default))!;
    }
}
