using TrainingOrchestration.Pipelines.Schedules;

namespace TrainingOrchestration.Pipelines.Tests.Schedules;

public sealed class EventBridgeScheduleClockTests
{
    [Theory]
    [InlineData("cron(0 * * * ? *)", "2026-11-23T10:00:00Z", "2026-11-23T11:00:00Z")]
    [InlineData("cron(0 * * * ? *)", "2026-11-23T10:59:59Z", "2026-11-23T11:00:00Z")]
    [InlineData("cron(15 12 * * ? *)", "2026-11-23T12:15:00Z", "2026-11-24T12:15:00Z")]
    [InlineData("cron(0 18 ? * MON-FRI *)", "2026-11-28T00:00:00Z", "2026-11-30T18:00:00Z")]
    [InlineData("cron(0 18 ? * 2-6 *)", "2026-11-28T00:00:00Z", "2026-11-30T18:00:00Z")]
    [InlineData("cron(0 9 ? * 1 *)", "2026-11-23T00:00:00Z", "2026-11-29T09:00:00Z")]
    [InlineData("cron(0 9 ? * 2#1 *)", "2026-11-23T00:00:00Z", "2026-12-07T09:00:00Z")]
    [InlineData("cron(0 0 L * ? *)", "2026-11-23T00:00:00Z", "2026-11-30T00:00:00Z")]
    [InlineData("cron(0 0 ? * 6L *)", "2026-11-01T00:00:00Z", "2026-11-27T00:00:00Z")]
    [InlineData("cron(0/15 * * * ? *)", "2026-11-23T10:07:00Z", "2026-11-23T10:15:00Z")]
    [InlineData("cron(0 0 1 1 ? 2030)", "2026-11-23T00:00:00Z", "2030-01-01T00:00:00Z")]
    [InlineData("cron(0 0 1 1 ? 2028/2)", "2026-11-23T00:00:00Z", "2028-01-01T00:00:00Z")]
    [InlineData("rate(6 hours)", "2026-11-23T10:00:00Z", "2026-11-23T16:00:00Z")]
    [InlineData("rate(1 day)", "2026-11-23T10:00:00Z", "2026-11-24T10:00:00Z")]
    public void Next_occurrence_follows_EventBridge_semantics_in_UTC(string schedule, string after, string expected)
    {
        var next = EventBridgeScheduleClock.NextOccurrence(schedule, DateTimeOffset.Parse(after));

        Assert.Equal(DateTimeOffset.Parse(expected), next);
    }

    [Fact]
    public void A_schedule_whose_years_have_passed_never_fires_again()
    {
        Assert.Null(EventBridgeScheduleClock.NextOccurrence("cron(0 0 1 1 ? 2020-2025)", DateTimeOffset.Parse("2026-11-23T00:00:00Z")));
    }

    [Fact]
    public void An_invalid_schedule_is_rejected_with_the_validation_message()
    {
        var exception = Assert.Throws<ArgumentException>(() => EventBridgeScheduleClock.NextOccurrence("cron(0 * * * * *)", DateTimeOffset.UnixEpoch));

        Assert.Contains("exactly one of day-of-month", exception.Message);
    }

    [Theory]
    [MemberData(nameof(BundledPipelines.Names), MemberType = typeof(BundledPipelines))]
    public void Every_bundled_schedule_fires_within_a_day(string pipeline)
    {
        var spec = PipelineSpecLoader.Load(Path.Combine(RepositoryPaths.Pipelines, pipeline));
        var start = DateTimeOffset.Parse("2026-11-23T10:00:00Z");

        var next = EventBridgeScheduleClock.NextOccurrence(spec.Cadence.Schedule, start);

        Assert.NotNull(next);
        Assert.InRange(next!.Value, start.AddSeconds(1), start.AddDays(1));
    }
}
