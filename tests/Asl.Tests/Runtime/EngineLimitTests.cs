using TrainingOrchestration.Asl.Tests.Support;

namespace TrainingOrchestration.Asl.Tests.Runtime;

/// <summary>The quotas Step Functions enforces, enforced the same way: history length, payload size, definition bounds.</summary>
public sealed class EngineLimitTests
{
    [Fact]
    public async Task A_loop_that_never_ends_fails_at_25000_history_events_with_AWSs_error_and_cause()
    {
        var harness = new Harness();

        var result = await harness.RunAsync("""
            {"StartAt":"Spin","States":{
              "Spin":{"Type":"Pass","Next":"Again"},
              "Again":{"Type":"Choice","Choices":[{"Variable":"$.stop","IsPresent":true,"Next":"Done"}],"Default":"Spin"},
              "Done":{"Type":"Succeed"}}}
            """);

        Assert.Equal("FAILED", result.StatusName);
        Assert.Equal("States.Runtime", result.Error);
        Assert.Equal("The execution reached the maximum number of history events (25000).", result.Cause);
        var history = harness.Engine.GetExecutionHistory(result.ExecutionArn);
        Assert.Equal(25_000, history.Count);
        Assert.Equal(("ExecutionFailed", 25_000L, 24_999L), (history[^1].Type, history[^1].Id, history[^1].PreviousEventId));
    }

    [Fact]
    public async Task A_retrier_with_a_huge_MaxAttempts_runs_on_the_virtual_clock_without_overflow_until_the_history_limit()
    {
        var harness = new Harness();

        var result = await harness.RunAsync("""
            {"StartAt":"Flaky","States":{"Flaky":{"Type":"Parallel","End":true,
              "Branches":[{"StartAt":"Boom","States":{"Boom":{"Type":"Fail","Error":"Boom","Cause":"always"}}}],
              "Retry":[{"ErrorEquals":["States.ALL"],"IntervalSeconds":99999999,"MaxAttempts":99999999,"BackoffRate":10,"JitterStrategy":"FULL"}]}}}
            """);

        Assert.Equal("FAILED", result.StatusName);
        Assert.Equal("States.Runtime", result.Error);
        Assert.Equal(25_000, harness.Engine.GetExecutionHistory(result.ExecutionArn).Count);
        Assert.True(harness.Clock.UtcNow > harness.T0.AddYears(100));
    }

    [Fact]
    public async Task An_output_over_256_KB_fails_with_DataLimitExceeded_which_States_ALL_cannot_catch()
    {
        var harness = new Harness();

        var result = await harness.RunAsync("""
            {"StartAt":"Wrap","States":{"Wrap":{"Type":"Parallel","Next":"Done",
              "Branches":[{"StartAt":"Big","States":{"Big":{"Type":"Pass","Parameters":{"a.$":"$.s","b.$":"$.s"},"End":true}}}],
              "Catch":[{"ErrorEquals":["States.ALL"],"Next":"Done"}]},
              "Done":{"Type":"Succeed"}}}
            """, $$"""{"s":"{{new string('x', 200_000)}}"}""");

        Assert.Equal("FAILED", result.StatusName);
        Assert.Equal("States.DataLimitExceeded", result.Error);
    }

    [Theory]
    [InlineData("""{"StartAt":"W","States":{"W":{"Type":"Wait","Seconds":100000000,"End":true}}}""", "W", "Seconds")]
    [InlineData("""{"StartAt":"T","States":{"T":{"Type":"Task","Resource":"arn:aws:states:::lambda:invoke","TimeoutSeconds":100000000,"End":true}}}""", "T", "TimeoutSeconds")]
    [InlineData("""{"StartAt":"T","States":{"T":{"Type":"Task","Resource":"arn:aws:states:::lambda:invoke","HeartbeatSeconds":100000000,"End":true}}}""", "T", "HeartbeatSeconds")]
    [InlineData("""{"TimeoutSeconds":100000000,"StartAt":"P","States":{"P":{"Type":"Pass","End":true}}}""", null, "TimeoutSeconds")]
    public void Seconds_over_AWSs_maximum_are_rejected_as_CreateStateMachine_rejects_them(string definition, string? state, string field)
    {
        var engine = new StepFunctionsEngine(new VirtualClock());

        var error = Assert.Throws<AslDefinitionException>(() => engine.CreateStateMachine("M", definition));

        Assert.Equal((state, field), (error.StateName, error.Field));
        Assert.Contains("SCHEMA_VALIDATION_FAILED: Maximum value is 99999999", error.Problem);
    }

    [Fact]
    public async Task The_largest_wait_AWS_accepts_runs_on_the_virtual_clock()
    {
        var harness = new Harness();

        var result = await harness.RunAsync("""{"StartAt":"W","States":{"W":{"Type":"Wait","Seconds":99999999,"End":true}}}""");

        Assert.Equal("SUCCEEDED", result.StatusName);
        Assert.Equal(harness.T0.AddSeconds(99999999), result.StopDate);
    }
}
