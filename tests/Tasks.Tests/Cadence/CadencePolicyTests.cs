using TrainingOrchestration.Pipelines.Spec;
using TrainingOrchestration.Tasks.Cadence;
using TrainingOrchestration.Tasks.Tests.Support;

namespace TrainingOrchestration.Tasks.Tests.Cadence;

public sealed class CadencePolicyTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 23, 13, 0, 0, TimeSpan.Zero);

    private static CadencePolicy Policy(QuietHoursSpec? quiet = null) =>
        new(PipelineSpecs.Cadence(minChanges: 500, minInterval: TimeSpan.FromHours(6), maxStaleness: TimeSpan.FromHours(24), quietHours: quiet));

    private static TriggerCounter Counter(long pending, TimeSpan? oldestAge = null, TimeSpan? sinceLastRun = null) =>
        new(pending, Now - (oldestAge ?? TimeSpan.FromHours(1)), sinceLastRun is { } since ? Now - since : Now - TimeSpan.FromDays(2), 7);

    [Fact]
    public void A_pipeline_that_never_trained_starts_its_first_run_even_without_changes()
    {
        var decision = Policy().Decide(TriggerCounter.Empty, Now);

        Assert.True(decision.Start);
        Assert.Equal(CadenceReason.Bootstrap, decision.ReasonCode);
    }

    [Fact]
    public void Enough_changes_after_the_minimum_interval_start_a_run()
    {
        var decision = Policy().Decide(Counter(500, sinceLastRun: TimeSpan.FromHours(6)), Now);

        Assert.True(decision.Start);
        Assert.Equal(CadenceReason.Threshold, decision.ReasonCode);
        Assert.Contains("500 of 500 changes", decision.Reason);
    }

    [Theory]
    [InlineData(499, 360, false, "below-min-changes")]
    [InlineData(500, 360, true, "threshold")]
    [InlineData(500, 359, false, "min-interval")]
    [InlineData(501, 361, true, "threshold")]
    public void Both_the_change_count_and_the_interval_are_inclusive_boundaries(long pending, int minutesSinceLastRun, bool start, string code)
    {
        var decision = Policy().Decide(Counter(pending, sinceLastRun: TimeSpan.FromMinutes(minutesSinceLastRun)), Now);

        Assert.Equal(start, decision.Start);
        Assert.Equal(code, decision.ReasonCode);
    }

    [Fact]
    public void Enough_changes_within_the_minimum_interval_wait_until_it_has_passed()
    {
        var decision = Policy().Decide(Counter(800, sinceLastRun: TimeSpan.FromHours(2)), Now);

        Assert.False(decision.Start);
        Assert.Equal(CadenceReason.MinInterval, decision.ReasonCode);
        Assert.Equal(Now + TimeSpan.FromHours(4), decision.NextEligibleAt);
        Assert.Contains("next eligible at 2026-11-23T17:00:00Z", decision.Reason);
    }

    [Fact]
    public void Too_few_changes_skip_and_say_how_many_and_when_staleness_will_start_a_run()
    {
        var decision = Policy().Decide(Counter(312, oldestAge: TimeSpan.FromHours(3)), Now);

        Assert.False(decision.Start);
        Assert.Equal(CadenceReason.BelowMinChanges, decision.ReasonCode);
        Assert.StartsWith("312 of 500 changes; next eligible at 2026-11-24T10:00:00Z", decision.Reason);
        Assert.Equal(Now + TimeSpan.FromHours(21), decision.NextEligibleAt);
    }

    [Fact]
    public void Stale_changes_start_a_run_below_the_minimum_count()
    {
        var decision = Policy().Decide(Counter(3, oldestAge: TimeSpan.FromHours(24)), Now);

        Assert.True(decision.Start);
        Assert.Equal(CadenceReason.Stale, decision.ReasonCode);
    }

    [Fact]
    public void Staleness_one_second_short_of_the_maximum_does_not_start_a_run()
    {
        var decision = Policy().Decide(Counter(3, oldestAge: TimeSpan.FromHours(24) - TimeSpan.FromSeconds(1)), Now);

        Assert.False(decision.Start);
        Assert.Equal(Now + TimeSpan.FromSeconds(1), decision.NextEligibleAt);
    }

    [Fact]
    public void With_nothing_pending_only_more_changes_can_start_a_run()
    {
        var decision = Policy().Decide(new TriggerCounter(0, null, Now - TimeSpan.FromDays(9), 4), Now);

        Assert.False(decision.Start);
        Assert.Equal(CadenceReason.BelowMinChanges, decision.ReasonCode);
        Assert.Null(decision.NextEligibleAt);
        Assert.Contains("no change pending", decision.Reason);
    }

    [Fact]
    public void Quiet_hours_wrapping_midnight_hold_back_a_run_that_is_otherwise_due()
    {
        // 23:30 in Berlin (UTC+1 in November) is inside 22:00-06:00.
        var at = new DateTimeOffset(2026, 11, 23, 22, 30, 0, TimeSpan.Zero);
        var counter = new TriggerCounter(900, at - TimeSpan.FromHours(30), at - TimeSpan.FromDays(1), 2);

        var decision = Policy(new QuietHoursSpec(new TimeOnly(22, 0), new TimeOnly(6, 0), "Europe/Berlin")).Decide(counter, at);

        Assert.False(decision.Start);
        Assert.Equal(CadenceReason.QuietHours, decision.ReasonCode);
        Assert.Equal(new DateTimeOffset(2026, 11, 24, 5, 0, 0, TimeSpan.Zero), decision.NextEligibleAt);
        Assert.Contains("local time 23:30", decision.Reason);
    }

    [Fact]
    public void The_end_of_the_quiet_hours_is_already_outside_them()
    {
        var quiet = new QuietHoursSpec(new TimeOnly(22, 0), new TimeOnly(6, 0), "Europe/Berlin");
        var sixLocal = new DateTimeOffset(2026, 11, 24, 5, 0, 0, TimeSpan.Zero);
        var counter = new TriggerCounter(900, sixLocal - TimeSpan.FromHours(2), sixLocal - TimeSpan.FromDays(1), 2);

        Assert.True(Policy(quiet).Decide(counter, sixLocal).Start);
        Assert.False(Policy(quiet).Decide(counter, sixLocal - TimeSpan.FromSeconds(1)).Start);
    }

    [Fact]
    public void Quiet_hours_within_one_day_do_not_wrap()
    {
        var quiet = new QuietHours(new QuietHoursSpec(new TimeOnly(9, 0), new TimeOnly(17, 0), "UTC"));

        Assert.True(quiet.Contains(new DateTimeOffset(2026, 11, 23, 9, 0, 0, TimeSpan.Zero)));
        Assert.False(quiet.Contains(new DateTimeOffset(2026, 11, 23, 17, 0, 0, TimeSpan.Zero)));
        Assert.False(quiet.Contains(new DateTimeOffset(2026, 11, 23, 3, 0, 0, TimeSpan.Zero)));
    }

    [Fact]
    public void Quiet_hours_follow_the_wall_clock_across_the_spring_forward_change()
    {
        // Berlin, 29 March 2026: 02:00 CET becomes 03:00 CEST. 22:00 local is 20:00Z after the change.
        var quiet = new QuietHours(new QuietHoursSpec(new TimeOnly(22, 0), new TimeOnly(6, 0), "Europe/Berlin"));

        Assert.False(quiet.Contains(new DateTimeOffset(2026, 3, 29, 19, 59, 0, TimeSpan.Zero)));
        Assert.True(quiet.Contains(new DateTimeOffset(2026, 3, 29, 20, 0, 0, TimeSpan.Zero)));
        Assert.Equal(new DateTimeOffset(2026, 3, 29, 4, 0, 0, TimeSpan.Zero), quiet.NextOpening(new DateTimeOffset(2026, 3, 29, 0, 30, 0, TimeSpan.Zero)));
    }

    [Fact]
    public void A_quiet_hours_end_inside_the_spring_forward_gap_ends_when_the_gap_ends()
    {
        // 02:30 does not exist in Berlin on 29 March 2026; the window 01:00-02:30 ends at 03:00 CEST = 01:00Z.
        var quiet = new QuietHours(new QuietHoursSpec(new TimeOnly(1, 0), new TimeOnly(2, 30), "Europe/Berlin"));

        var opening = quiet.NextOpening(new DateTimeOffset(2026, 3, 29, 0, 30, 0, TimeSpan.Zero));

        Assert.Equal(new DateTimeOffset(2026, 3, 29, 1, 0, 0, TimeSpan.Zero), opening);
    }

    [Fact]
    public void A_quiet_hours_end_in_the_repeated_fall_back_hour_ends_after_its_second_occurrence()
    {
        // Berlin, 25 October 2026: 03:00 CEST becomes 02:00 CET, so 02:30 happens at 00:30Z and again at 01:30Z.
        var quiet = new QuietHours(new QuietHoursSpec(new TimeOnly(22, 0), new TimeOnly(2, 30), "Europe/Berlin"));

        var opening = quiet.NextOpening(new DateTimeOffset(2026, 10, 24, 23, 0, 0, TimeSpan.Zero));

        Assert.Equal(new DateTimeOffset(2026, 10, 25, 1, 30, 0, TimeSpan.Zero), opening);
        Assert.False(quiet.Contains(opening));
    }

    [Fact]
    public void The_minimum_interval_is_elapsed_time_across_a_daylight_saving_change()
    {
        // New York, 8 March 2026: clocks skip 02:00-03:00. 24 h after 00:00 EST on the 8th is 01:00 EDT on the 9th.
        var spec = PipelineSpecs.Cadence(minChanges: 1, minInterval: TimeSpan.FromHours(24));
        var lastRun = new DateTimeOffset(2026, 3, 8, 0, 0, 0, TimeSpan.FromHours(-5));
        var counter = new TriggerCounter(10, lastRun + TimeSpan.FromHours(1), lastRun, 3);

        var wallClockDayLater = new DateTimeOffset(2026, 3, 9, 0, 0, 0, TimeSpan.FromHours(-4));
        Assert.False(new CadencePolicy(spec).Decide(counter, wallClockDayLater).Start);
        Assert.True(new CadencePolicy(spec).Decide(counter, lastRun + TimeSpan.FromHours(24)).Start);
    }

    [Fact]
    public void Bootstrap_runs_even_inside_the_quiet_hours()
    {
        var at = new DateTimeOffset(2026, 11, 23, 23, 0, 0, TimeSpan.Zero);

        var decision = Policy(new QuietHoursSpec(new TimeOnly(22, 0), new TimeOnly(6, 0), "UTC")).Decide(TriggerCounter.Empty, at);

        Assert.True(decision.Start);
    }

    [Fact]
    public void An_unknown_time_zone_is_reported_by_name()
    {
        var error = Assert.Throws<InvalidTimeZoneException>(() => Policy(new QuietHoursSpec(new TimeOnly(22, 0), new TimeOnly(6, 0), "Mars/Olympus")));

        Assert.Contains("Mars/Olympus", error.Message);
    }
}
