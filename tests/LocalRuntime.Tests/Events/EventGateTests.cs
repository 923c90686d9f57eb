using System.Text.Json.Nodes;
using TrainingOrchestration.Asl;
using TrainingOrchestration.LocalRuntime.Events;

namespace TrainingOrchestration.LocalRuntime.Tests.Events;

/// <summary>Events a source could send that EventBridge refuses, or that no rule matches, and what the user is told.</summary>
public sealed class EventGateTests
{
    private static readonly JsonObject Event = JsonNode.Parse("""
        {"source":"training-orchestration.cdc","detail-type":"Table Change","time":"2026-11-23T10:00:00Z",
         "resources":["arn:aws:dynamodb:us-east-1:1:table/subscribers"],"detail":{"table":"subscribers","count":3}}
        """)!.AsObject();

    [Fact]
    public void An_entrys_size_is_14_bytes_for_time_plus_the_utf8_bytes_of_source_detail_type_detail_and_resources()
    {
        var entry = new JsonObject
        {
            ["Time"] = "2026-11-23T10:00:00Z", ["Source"] = "é.src", ["DetailType"] = "T", ["Detail"] = "{\"a\":1}",
            ["Resources"] = new JsonArray("r1", "r22"),
        };

        Assert.Equal(14 + 6 + 1 + 7 + 5, PutEventsEntrySize.OfEntry(entry));
        Assert.Equal(14 + "training-orchestration.cdc".Length + "Table Change".Length + Event["detail"]!.ToJsonString().Length
            + "arn:aws:dynamodb:us-east-1:1:table/subscribers".Length, PutEventsEntrySize.OfEvent(Event));
    }

    [Fact]
    public async Task A_putEvents_task_with_an_entry_over_256_KB_fails_with_EventBridges_ValidationException_and_puts_nothing()
    {
        var bus = new LocalEventBus(new VirtualClock(), new NoTargets());
        var big = new JsonObject { ["Source"] = "s", ["DetailType"] = "d", ["Detail"] = "{\"x\":\"" + new string('x', PutEventsEntrySize.MaxBytes) + "\"}" };
        var small = new JsonObject { ["Source"] = "s", ["DetailType"] = "d", ["Detail"] = "{}" };

        var error = await Assert.ThrowsAsync<TaskFailedException>(() => new EventsIntegration(bus).InvokeAsync(Request(small, big), CancellationToken.None));

        Assert.Equal("EventBridge.ValidationException", error.Error);
        Assert.Equal("Total size of the entries in the request is over the limit.", error.Cause);
        Assert.Empty(bus.Events);
    }

    [Fact]
    public void A_missed_pattern_names_each_field_with_what_it_expects_and_what_the_event_has()
    {
        var pattern = EventPattern.Parse("""
            {"source":["training-orchestration.cdc"],"detail-type":["Table Change"],"detail":{"table":["customers"],"kind":[{"exists":true}]}}
            """);

        var mismatches = pattern.Mismatches(Event);

        Assert.Equal(["detail.table: expected \"customers\", found \"subscribers\"", "detail.kind: expected {\"exists\":true}, found no such field"],
            mismatches.Select(m => m.ToString()));
        Assert.Empty(EventPattern.Parse("""{"detail":{"table":["subscribers"]}}""").Mismatches(Event));
    }

    private static TaskRequest Request(params JsonObject[] entries)
    {
        var context = new TaskContext("arn:aws:states:us-east-1:123456789012:execution:churn-training:x",
            "arn:aws:states:us-east-1:123456789012:stateMachine:churn-training", "PublishModelPromoted", 0, new VirtualClock(), null!);
        return new TaskRequest("arn:aws:states:::events:putEvents", "events", "putEvents", IntegrationPattern.RequestResponse, false,
            new JsonObject { ["Entries"] = new JsonArray(entries.Select(e => (JsonNode)e.DeepClone()).ToArray()) }, null, context);
    }

    private sealed class NoTargets : IEventTargetDispatcher
    {
        public Task<EventDelivery> DeliverAsync(EventRule rule, RuleTarget target, string input) => throw new InvalidOperationException("no rule should match");
    }
}
