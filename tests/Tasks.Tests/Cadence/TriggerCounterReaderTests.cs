using System.Text.Json;
using TrainingOrchestration.Tasks.Cadence;

namespace TrainingOrchestration.Tasks.Tests.Cadence;

public sealed class TriggerCounterReaderTests
{
    private static TriggerCounter Read(string json) => TriggerCounterReader.Read(JsonDocument.Parse(json).RootElement);

    [Fact]
    public void The_update_item_result_in_dynamodb_json_is_read()
    {
        var counter = Read("""
            {"Attributes":{"pk":{"S":"PIPELINE#churn"},"sk":{"S":"TRIGGER"},"pendingChanges":{"N":"312"},
             "firstPendingAt":{"S":"2026-11-23T10:00:00Z"},"lastRunStartedAt":{"S":"2026-11-22T09:00:00.123Z"},"generation":{"N":"7"}}}
            """);

        Assert.Equal(new TriggerCounter(312, new DateTimeOffset(2026, 11, 23, 10, 0, 0, TimeSpan.Zero),
            new DateTimeOffset(2026, 11, 22, 9, 0, 0, 123, TimeSpan.Zero), 7), counter);
    }

    [Fact]
    public void Plain_json_with_epoch_times_is_read()
    {
        var counter = Read("""{"pendingChanges":5,"firstPendingAt":1763895600,"generation":0}""");

        Assert.Equal(5, counter.PendingChanges);
        Assert.Equal(DateTimeOffset.FromUnixTimeSeconds(1763895600), counter.FirstPendingAt);
        Assert.Null(counter.LastRunStartedAt);
    }

    [Fact]
    public void A_missing_counter_is_empty()
    {
        Assert.Equal(TriggerCounter.Empty, TriggerCounterReader.Read(null));
        Assert.Equal(TriggerCounter.Empty, Read("{}"));
    }

    [Fact]
    public void A_malformed_attribute_is_named()
    {
        var error = Assert.Throws<FormatException>(() => Read("""{"pendingChanges":{"BOOL":true}}"""));

        Assert.Contains("counter.pendingChanges", error.Message);
    }
}
