using TrainingOrchestration.LocalRuntime.Faults;
using TrainingOrchestration.LocalRuntime.Runs;

namespace TrainingOrchestration.EndToEnd.Tests;

/// <summary>
/// The synthesized workflow's Retry catches what the stand-ins raise when AWS throttles: the fault is injected in the
/// local cloud (ServiceFaults) and reaches BuildFeatures as Glue reports it, <c>Glue.AWSGlueException</c> with
/// ThrottlingException in the cause. A Retry naming <c>Glue.ThrottlingException</c> (no integration raises it) lets
/// this fail the run.
/// </summary>
[Collection(ChurnStackCollection.Name)]
public sealed class ThrottlingRetryTests(ChurnStackFixture stack)
{
    [Fact]
    public async Task A_throttled_Glue_start_is_retried_under_the_name_Glue_raises_and_the_run_goes_on()
    {
        await using var cloud = (await stack.StartAsync()).Cloud;
        var session = new PipelineSession(cloud, stack.Spec);
        cloud.Faults.Inject(new ServiceFault("glue:startJobRun", "ThrottlingException", Times: 2));
        session.StageRawData(stack.Spec.SampleDataFile!);

        await session.PutEventAsync((System.Text.Json.Nodes.JsonObject)stack.SampleEvent.DeepClone());
        await session.WaitForIdleAsync(SessionSteps.Settle);

        var training = Assert.Single(session.ExecutionsOf("training"));
        var failures = cloud.Engine.GetExecutionHistory(training.ExecutionArn).Where(e => e.Type == "TaskFailed").ToList();
        Assert.Equal(2, failures.Count(f => f.Details?["error"]?.GetValue<string>() == "Glue.AWSGlueException"
            && f.Details["cause"]!.GetValue<string>().Contains("Error Code: ThrottlingException", StringComparison.Ordinal)));
        Assert.Contains("ValidateFeatures", session.PathOf(training));
        Assert.Equal("SUCCEEDED", training.StatusName);
    }
}
