using System.Text.Json.Nodes;

namespace TrainingOrchestration.Asl.Tests.Runtime;

public sealed class RetryAndWaitTimingTests
{
    private const string Resource = "arn:aws:states:::lambda:invoke";

    private static string RetryingTask(string retrier) => """
        {"StartAt":"Call","States":{"Call":{"Type":"Task","Resource":"RES","Retry":[RETRIER],"End":true}}}
        """.Replace("RES", Resource).Replace("RETRIER", retrier);

    [Fact]
    public async Task A_one_hour_wait_advances_the_virtual_clock_by_an_hour_without_real_time()
    {
        var harness = new Harness();
        var watch = System.Diagnostics.Stopwatch.StartNew();

        var result = await harness.RunAsync("""{"StartAt":"W","States":{"W":{"Type":"Wait","Seconds":3600,"End":true}}}""");

        Assert.Equal(ExecutionStatus.Succeeded, result.Status);
        Assert.Equal(harness.T0.AddHours(1), result.StopDate);
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(5));
    }

    [Fact]
    public async Task Wait_until_a_timestamp_from_the_input_resumes_exactly_then()
    {
        var harness = new Harness();

        var result = await harness.RunAsync("""{"StartAt":"W","States":{"W":{"Type":"Wait","TimestampPath":"$.until","End":true}}}""",
            """{"until":"2024-01-02T03:04:05Z"}""");

        Assert.Equal(new DateTimeOffset(2024, 1, 2, 3, 4, 5, TimeSpan.Zero), result.StopDate);
    }

    [Fact]
    public async Task Retries_wait_interval_times_backoff_rate_capped_by_max_delay()
    {
        var service = RecordingIntegration.Failing(Resource, failures: 4);
        var harness = new Harness().With(service);

        var result = await harness.RunAsync(RetryingTask("""{"ErrorEquals":["Service.Busy"],"IntervalSeconds":2,"BackoffRate":2.0,"MaxAttempts":5,"MaxDelaySeconds":5}"""));

        Assert.Equal(ExecutionStatus.Succeeded, result.Status);
        var gaps = service.Calls.Zip(service.Calls.Skip(1), (a, b) => (b.At - a.At).TotalSeconds).ToList();
        Assert.Equal([2.0, 4.0, 5.0, 5.0], gaps);
    }

    [Fact]
    public async Task Full_jitter_waits_a_random_time_between_zero_and_the_backoff_delay()
    {
        var service = RecordingIntegration.Failing(Resource, failures: 30);
        var harness = new Harness().With(service);

        await harness.RunAsync(RetryingTask("""{"ErrorEquals":["States.ALL"],"IntervalSeconds":10,"BackoffRate":1.0,"MaxAttempts":30,"JitterStrategy":"FULL"}"""));

        var gaps = service.Calls.Zip(service.Calls.Skip(1), (a, b) => (b.At - a.At).TotalSeconds).ToList();
        Assert.Equal(30, gaps.Count);
        Assert.All(gaps, g => Assert.InRange(g, 0.0, 10.0));
        Assert.True(gaps.Distinct().Count() > 10, "jittered delays should differ");
    }

    [Fact]
    public async Task MaxAttempts_zero_never_retries_and_the_error_reaches_the_execution()
    {
        var service = RecordingIntegration.Failing(Resource, failures: 1);
        var harness = new Harness().With(service);

        var result = await harness.RunAsync(RetryingTask("""{"ErrorEquals":["States.ALL"],"MaxAttempts":0}"""));

        Assert.Equal(ExecutionStatus.Failed, result.Status);
        Assert.Equal("Service.Busy", result.Error);
        Assert.Single(service.Calls);
    }

    [Fact]
    public async Task The_first_matching_retrier_decides_and_once_exhausted_the_catcher_takes_over()
    {
        var service = RecordingIntegration.Failing(Resource, failures: 10);
        var harness = new Harness().With(service);
        var definition = """
            {"StartAt":"Call","States":{
              "Call":{"Type":"Task","Resource":"RES","End":true,
                "Retry":[{"ErrorEquals":["Service.Busy"],"MaxAttempts":1,"IntervalSeconds":1},{"ErrorEquals":["States.ALL"],"MaxAttempts":5}],
                "Catch":[{"ErrorEquals":["States.ALL"],"ResultPath":"$.failure","Next":"Handled"}]},
              "Handled":{"Type":"Pass","End":true}}}
            """.Replace("RES", Resource);

        var result = await harness.RunAsync(definition, """{"keep":true}""");

        Assert.Equal(2, service.Calls.Count);
        Assert.Equal("""{"keep":true,"failure":{"Error":"Service.Busy","Cause":"call 1 failed"}}""", result.Output);
    }

    [Fact]
    public async Task A_task_that_outlives_TimeoutSeconds_fails_with_States_Timeout_at_the_deadline()
    {
        var harness = new Harness().With(new RecordingIntegration(Resource, async (request, _) =>
        {
            await request.Context.DelayUntilAsync(request.Context.Clock.UtcNow.AddMinutes(10));
            return new JsonObject();
        }));

        var result = await harness.RunAsync("""{"StartAt":"Call","States":{"Call":{"Type":"Task","Resource":"RES","TimeoutSeconds":60,"End":true}}}""".Replace("RES", Resource));

        Assert.Equal(ExecutionStatus.Failed, result.Status);
        Assert.Equal("States.Timeout", result.Error);
        Assert.Equal(harness.T0.AddSeconds(60), result.StopDate);
    }

    [Fact]
    public async Task The_context_object_counts_retries_of_the_current_state()
    {
        var service = RecordingIntegration.Failing(Resource, failures: 2);
        var harness = new Harness().With(service);
        var definition = """
            {"StartAt":"Call","States":{"Call":{"Type":"Task","Resource":"RES","Parameters":{"attempt.$":"$$.State.RetryCount"},
              "Retry":[{"ErrorEquals":["States.ALL"],"MaxAttempts":3}],"End":true}}}
            """.Replace("RES", Resource);

        await harness.RunAsync(definition);

        Assert.Equal([0, 1, 2], service.Calls.Select(c => c.Parameters!["attempt"]!.GetValue<int>()));
    }
}
