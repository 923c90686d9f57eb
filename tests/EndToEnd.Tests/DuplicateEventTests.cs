using System.Text.Json.Nodes;
using TrainingOrchestration.Asl;

namespace TrainingOrchestration.EndToEnd.Tests;

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
        var session = new PipelineSession(cloud, stack.Spec);
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
        // Each trigger execution records its own decision: one START, and the redelivery refused as a DUPLICATE (same
        // execution name) or skipped by the cadence policy (the first trigger already reset the counter).
        var decisions = (await session.ReadItemsAsync()).Where(i => i["sk"].Text().StartsWith("DECISION#", StringComparison.Ordinal)).ToList();
        Assert.Equal(2, decisions.Count);
        var start = Assert.Single(decisions, d => d["decision"].Text() == "START");
        Assert.Equal(session.ExecutionsOf("training")[0].Name, start["executionName"].Text());
        var second = Assert.Single(decisions, d => d["decision"].Text() != "START");
        Assert.Contains(second["decision"].Text(), new[] { "DUPLICATE", "SKIP" });
        Assert.DoesNotContain("starting", second["reason"].Text(), StringComparison.OrdinalIgnoreCase);
        Assert.All(session.ExecutionsOf("trigger"), e => Assert.Equal(ExecutionStatus.Succeeded, e.Status));
    }
}
