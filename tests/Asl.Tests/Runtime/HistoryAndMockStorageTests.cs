using TrainingOrchestration.Asl.Runtime;

namespace TrainingOrchestration.Asl.Tests.Runtime;

/// <summary>
/// The compact storage behind the history and the mocks: a history slot packs the previous event id, the kind and the
/// timestamp's offset into one int, task events keep a shared shape plus their text (a string or UTF-8), and
/// <see cref="MockCalls"/> answers like <see cref="MockConfig.Find"/> with one lookup per call.
/// </summary>
public sealed class HistoryAndMockStorageTests
{
    [Fact]
    public void Slots_give_back_the_previous_id_kind_and_timestamp_as_recorded()
    {
        var clock = new VirtualClock(new DateTimeOffset(2024, 5, 6, 7, 8, 9, TimeSpan.Zero));
        var history = new ExecutionHistory(new ClockDriver(clock));
        var entered = history.RecordState("TaskStateEntered", "S", """{"a":1}""", entered: true, 0);
        var shape = new ParsedResource("lambda", "invoke", IntegrationPattern.RequestResponse, false, false, false, "lambda", "invoke");
        var scheduled = history.RecordShaped(shape.ScheduledType, shape.ScheduledShape("us-east-1", 30, null), "{\"p\":\"é\"}"u8.ToArray(), entered);
        var succeeded = history.RecordShaped(shape.SucceededType, shape.SucceededShape, """{"r":2}""", scheduled);
        var iteration = history.RecordMapIteration("MapIterationStarted", "M", 70_000, succeeded);
        var exited = history.RecordState("TaskStateExited", "S", """{"a":1}""", entered: false, 24_999);

        var events = history.Snapshot();

        Assert.Equal([0L, 1, 2, 3, 24_999], events.Select(e => e.PreviousEventId));
        Assert.Equal(["TaskStateEntered", "TaskScheduled", "TaskSucceeded", "MapIterationStarted", "TaskStateExited"], events.Select(e => e.Type));
        Assert.All(events, e => Assert.Equal(clock.UtcNow, e.Timestamp));
        Assert.Equal("""{"a":1}""", events[0].Details!["input"]!.GetValue<string>());
        Assert.Equal("{\"p\":\"é\"}", events[1].Details!["parameters"]!.GetValue<string>());
        Assert.Equal("us-east-1", events[1].Details!["region"]!.GetValue<string>());
        Assert.Equal(30, events[1].Details!["timeoutInSeconds"]!.GetValue<int>());
        Assert.Equal("""{"r":2}""", events[2].Details!["output"]!.GetValue<string>());
        Assert.Equal(70_000, events[3].Details!["index"]!.GetValue<int>());
        Assert.Equal("S", events[4].Details!["name"]!.GetValue<string>());
        Assert.Equal(5, exited);
    }

    [Fact]
    public void Mock_calls_count_invocations_per_state_and_repeat_the_last_response()
    {
        var config = MockConfig.Parse("""
            {"StateMachines":{"M":{"TestCases":{"T":{"A":"Twice","B":"Missing"}}}},
             "MockedResponses":{"Twice":{"0":{"Throw":{"Error":"E0"}},"1-2":{"Return":{"n":1}},"3":{"Return":{"n":3}}}}}
            """);
        var calls = new MockCalls(config, "M", "T");

        var answers = Enumerable.Range(0, 6).Select(i => calls.Next("A")).ToList();

        Assert.Equal(["E0", null, null, null, null, null], answers.Select(a => a!.ThrowError));
        Assert.Equal([1, 1, 3, 3, 3], answers.Skip(1).Select(a => a!.Return!["n"]!.GetValue<int>()));
        for (var i = 0; i < 6; i++) Assert.Same(config.Find("M", "T", "A", i), answers[i]);
        Assert.Null(calls.Next("NotMocked"));
        Assert.Null(new MockCalls(config, "M", "OtherCase").Next("A"));
        Assert.Throws<InvalidOperationException>(() => calls.Next("B"));
    }
}
