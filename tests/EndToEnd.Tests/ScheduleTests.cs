using TrainingOrchestration.Asl;

namespace TrainingOrchestration.EndToEnd.Tests;

[Collection(ChurnStackCollection.Name)]
public sealed class ScheduleTests(ChurnStackFixture stack)
{
    private const string Mocks = """
        {"StateMachines":{"churn-training":{"TestCases":{"Quick":{"BuildFeatures":"NoJob"}}}},
         "MockedResponses":{"NoJob":{"0":{"Throw":{"Error":"Glue.EntityNotFoundException","Cause":"mocked: the test only checks the schedule"}}}}}
        """;

    [Fact]
    public async Task Hourly_cadence_schedule_fires_the_trigger_each_hour_of_virtual_time_and_each_firing_records_a_decision()
    {
        await using var cloud = (await stack.StartAsync()).Cloud;
        var session = new PipelineSession(cloud, stack.Spec);
        cloud.Mocks.Use(MockConfig.Parse(Mocks), "churn-training", "Quick");
        var start = cloud.Clock.UtcNow;

        var fired = await cloud.Schedules.FireUntilAsync(start.AddHours(3), () => session.WaitForIdleAsync(SessionSteps.Settle));

        Assert.Equal(3, fired.Count);
        Assert.All(fired, f => Assert.Equal("Scheduled Event", f.DetailType));
        Assert.Equal(start.AddHours(3), cloud.Clock.UtcNow);
        var triggers = session.ExecutionsOf("trigger");
        Assert.Equal(3, triggers.Count);
        Assert.All(triggers, t => Assert.Equal(ExecutionStatus.Succeeded, t.Status));
        Assert.Equal(3, (await session.ReadItemsAsync()).Count(i => i["sk"].Text().StartsWith("DECISION#", StringComparison.Ordinal)));
    }
}
