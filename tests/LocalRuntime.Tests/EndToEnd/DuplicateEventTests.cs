using System.Text.Json.Nodes;
using TrainingOrchestration.Asl;

namespace TrainingOrchestration.LocalRuntime.Tests.EndToEnd;

[Collection(ChurnStackCollection.Name)]
public sealed class DuplicateEventTests(ChurnStackFixture stack)
{
    /// <summary>Features fail at once, so the test checks the trigger without waiting for a whole training run.</summary>
    private const string Mocks = """
        {"StateMachines":{"churn-training":{"TestCases":{"Quick":{"BuildFeatures":"NoJob"}}}},
         "MockedResponses":{"NoJob":{"0":{"Throw":{"Error":"Glue.EntityNotFoundException","Cause":"mocked: the test only checks the trigger"}}}}}
        """;

    [Fact]
    public async Task Same_cdc_event_delivered_twice_starts_one_training_run_and_records_why_the_second_did_not()
    {
        await using var cloud = (await stack.StartAsync()).Cloud;
        var session = new Runs.PipelineSession(cloud, stack.Spec);
        cloud.Mocks.Use(MockConfig.Parse(Mocks), "churn-training", "Quick");
        session.StageRawData(stack.Spec.SampleDataFile!);

        await Task.WhenAll(
            session.PutEventAsync((JsonObject)stack.SampleEvent.DeepClone()),
            session.PutEventAsync((JsonObject)stack.SampleEvent.DeepClone()));
        await session.WaitForIdleAsync(SessionSteps.Settle);

        Assert.All(cloud.Bus.Events, e => Assert.True(e.Deliveries.All(d => d.Error is null), string.Join("; ", e.Deliveries.Select(d => d.Error))));
        Assert.Single(session.ExecutionsOf("training"));
        Assert.Single(await session.ReadRunsAsync());
        Assert.Equal(2, session.ExecutionsOf("trigger").Count);
        // A redelivered event has the same id and time, so both triggers write the same DECISION# item (last writer wins).
        var decision = Assert.Single(await session.ReadItemsAsync(), i => i["sk"].Text().StartsWith("DECISION#", StringComparison.Ordinal));
        Assert.Contains(decision["decision"].Text(), new[] { "START", "DUPLICATE" });
        Assert.Equal(session.ExecutionsOf("training")[0].Name, decision["executionName"].Text());
        Assert.All(session.ExecutionsOf("trigger"), e => Assert.Equal(ExecutionStatus.Succeeded, e.Status));
    }
}
