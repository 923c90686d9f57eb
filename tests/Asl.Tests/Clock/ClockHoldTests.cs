using System.Text.Json.Nodes;

namespace TrainingOrchestration.Asl.Tests.Clock;

public sealed class ClockHoldTests
{
    private static async Task<int> HoldsAfterSettling(VirtualClock clock)
    {
        for (var i = 0; i < 200 && clock.ActiveHolds > 0; i++) await Task.Delay(5);
        return clock.ActiveHolds;
    }

    [Fact]
    public async Task Many_concurrent_executions_with_waits_retries_maps_and_branches_all_finish_and_release_the_clock()
    {
        var flaky = RecordingIntegration.Failing("arn:aws:states:::lambda:invoke", failures: 40);
        var harness = new Harness().With(flaky);
        var machine = harness.Create("""
            {"StartAt":"Fan","States":{
              "Fan":{"Type":"Map","ItemsPath":"$.items","MaxConcurrency":3,"Next":"Both",
                "ItemProcessor":{"StartAt":"Nap","States":{
                  "Nap":{"Type":"Wait","SecondsPath":"$","Next":"Call"},
                  "Call":{"Type":"Task","Resource":"arn:aws:states:::lambda:invoke",
                    "Retry":[{"ErrorEquals":["States.ALL"],"IntervalSeconds":2,"MaxAttempts":10,"JitterStrategy":"FULL"}],"End":true}}}},
              "Both":{"Type":"Parallel","End":true,"Branches":[
                {"StartAt":"A","States":{"A":{"Type":"Wait","Seconds":7,"End":true}}},
                {"StartAt":"B","States":{"B":{"Type":"Wait","Seconds":3,"End":true}}}]}}}
            """);

        var arns = Enumerable.Range(0, 25)
            .Select(i => harness.Engine.StartExecution(machine, $"run-{i}", $$"""{"items":[{{i % 5}},3,1,4]}""").ExecutionArn).ToList();
        var results = new List<ExecutionDescription>();
        foreach (var arn in arns) results.Add(await harness.WaitAsync(arn));

        Assert.All(results, r => Assert.Equal(ExecutionStatus.Succeeded, r.Status));
        Assert.Equal(0, await HoldsAfterSettling(harness.Clock));
    }

    [Fact]
    public async Task Failed_stopped_and_timed_out_executions_release_the_clock_too()
    {
        var harness = new Harness().With(new RecordingIntegration("arn:aws:states:::aws-sdk:dynamodb:putItem.waitForTaskToken",
            (_, _) => Task.FromResult<JsonNode?>(new JsonObject())));
        var failing = harness.Start("""{"StartAt":"F","States":{"F":{"Type":"Fail","Error":"E"}}}""", name: "Failing");
        var timedOut = harness.Start("""
            {"StartAt":"T","States":{"T":{"Type":"Task","Resource":"arn:aws:states:::aws-sdk:dynamodb:putItem.waitForTaskToken","TimeoutSeconds":5,"End":true}}}
            """, name: "TimedOut");
        var hold = harness.Clock.Hold();
        var stopped = harness.Start("""{"StartAt":"W","States":{"W":{"Type":"Wait","Seconds":100,"End":true}}}""", name: "Stopped");
        await Task.Delay(50);
        harness.Engine.StopExecution(stopped);
        hold.Dispose();

        var statuses = new[] { await harness.WaitAsync(failing), await harness.WaitAsync(timedOut), await harness.WaitAsync(stopped) }.Select(r => r.Status);

        Assert.Equal([ExecutionStatus.Failed, ExecutionStatus.Failed, ExecutionStatus.Aborted], statuses);
        Assert.Equal(0, await HoldsAfterSettling(harness.Clock));
    }
}
