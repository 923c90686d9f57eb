using System.Text.Json.Nodes;
using TrainingOrchestration.Asl;

namespace TrainingOrchestration.EndToEnd.Tests;

/// <summary>
/// Training jobs that end badly: StartTrainingJob is mocked (MockConfigFile) so no real job runs, and the test publishes
/// the "SageMaker Training Job State Change" SageMaker would send once the workflow has stored its token.
/// </summary>
[Collection(ChurnStackCollection.Name)]
public sealed class TrainingJobOutcomeTests(ChurnStackFixture stack)
{
    private const string Mocks = """
        {"StateMachines":{"churn-training":{"TestCases":{"NoRealJob":{"StartTrainingJob":"JobCreated"}}}},
         "MockedResponses":{"JobCreated":{"0":{"Return":{"TrainingJobArn":"arn:aws:sagemaker:us-east-1:123456789012:training-job/mocked"}}}}}
        """;

    [Theory]
    [InlineData("Failed", "Failed", "AlgorithmError: ExecuteUserScriptError: out of memory", "TrainingJobFailed")]
    [InlineData("Stopped", "MaxRuntimeExceeded", "Training job runtime exceeded MaxRuntimeInSeconds provided", "TrainingJobStopped")]
    public async Task Training_job_that_does_not_complete_fails_the_run_with_its_reason_recorded(string status, string secondary, string reason, string error)
    {
        await using var cloud = (await stack.StartAsync()).Cloud;
        var session = new PipelineSession(cloud, stack.Spec);
        cloud.Mocks.Use(MockConfig.Parse(Mocks), "churn-training", "NoRealJob");
        var hold = cloud.Clock.Hold(); // SageMaker would be busy: the token timeout must not fire before the job ends
        session.StageRawData(stack.Spec.SampleDataFile!);
        await session.PutEventAsync((JsonObject)stack.SampleEvent.DeepClone());
        var jobName = await session.WaitForTaskTokenAsync(SessionSteps.Settle);

        await cloud.Bus.PutEventsAsync([StateChange(jobName, status, secondary, reason)]);
        hold.Dispose();
        await session.WaitForIdleAsync(SessionSteps.Settle);

        var run = await session.SingleRunAsync();
        Assert.Equal("FAILED", run["status"].Text());
        Assert.Equal("FAILED", run["decision"].Text());
        Assert.Equal(error, run["error"].Text());
        Assert.Contains(reason, run["cause"].Text());
        var callback = Assert.Single(session.ExecutionsOf("callback"));
        Assert.Contains("ReportTrainingFailed", session.PathOf(callback));
        Assert.Null((await session.ReadItemAsync("LOCK"))?["holder"]);
        Assert.Contains(cloud.Bus.Events, e => e.DetailType == "Training Run Failed");
    }

    private static JsonObject StateChange(string jobName, string status, string secondary, string reason) => new()
    {
        ["source"] = "aws.sagemaker",
        ["detail-type"] = "SageMaker Training Job State Change",
        ["resources"] = new JsonArray($"arn:aws:sagemaker:us-east-1:123456789012:training-job/{jobName}"),
        ["detail"] = new JsonObject
        {
            ["TrainingJobName"] = jobName,
            ["TrainingJobArn"] = $"arn:aws:sagemaker:us-east-1:123456789012:training-job/{jobName}",
            ["TrainingJobStatus"] = status,
            ["SecondaryStatus"] = secondary,
            ["FailureReason"] = reason,
        },
    };
}
