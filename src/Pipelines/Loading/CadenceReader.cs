using System.Globalization;
using TrainingOrchestration.Pipelines.Schedules;
using TrainingOrchestration.Pipelines.Spec;

namespace TrainingOrchestration.Pipelines.Loading;

/// <summary>Reads <c>cadence</c>: thresholds, durations, quiet hours (IANA time zone) and the EventBridge schedule.</summary>
internal static class CadenceReader
{
    public static CadenceSpec? Read(YamlSection? cadence)
    {
        if (cadence is null) return null;
        var minChanges = cadence.Int("minChanges", required: true, min: 1, example: "500");
        var minInterval = cadence.Duration("minInterval", required: true, "6h");
        var maxStaleness = cadence.Duration("maxStaleness", required: true, "7d");
        if (minInterval is { } i && maxStaleness is { } s && s < i)
            cadence.Error("maxStaleness", $"{DurationText.Format(s)} is shorter than minInterval {DurationText.Format(i)}.",
                "Make maxStaleness at least minInterval; otherwise staleness could never trigger a run.");
        var quietHours = ReadQuietHours(cadence.Section("quietHours", required: false, SpecKeys.QuietHours));
        var redriveWindow = cadence.Has("redriveWindow") ? cadence.Duration("redriveWindow", required: true, "24h") : CadenceSpec.DefaultRedriveWindow;
        if (redriveWindow is { } w && w > CadenceSpec.MaxRedriveWindow)
            cadence.Error("redriveWindow", $"{DurationText.Format(w)} is longer than the 14 days in which Step Functions redrives a failed execution.",
                "Use at most 14d; a failed run's lock is then released to the next run.");
        var schedule = cadence.String("schedule", required: true, "cron(0 * * * ? *)");
        if (schedule is not null && EventBridgeSchedule.Problem(schedule) is { } problem)
            cadence.Error("schedule", problem,
                "Write an EventBridge expression: cron(minutes hours day-of-month month day-of-week year) with '?' in one day field, e.g. cron(0 * * * ? *), or rate(1 hour) / rate(30 minutes).");
        if (minChanges is null || minInterval is null || maxStaleness is null || schedule is null || redriveWindow is null) return null;
        if (cadence.Has("quietHours") && quietHours is null) return null;
        return new CadenceSpec
        {
            MinChanges = minChanges.Value,
            MinInterval = minInterval.Value,
            MaxStaleness = maxStaleness.Value,
            QuietHours = quietHours,
            Schedule = schedule,
            RedriveWindow = redriveWindow.Value > CadenceSpec.MaxRedriveWindow ? CadenceSpec.MaxRedriveWindow : redriveWindow.Value,
        };
    }

    private static QuietHoursSpec? ReadQuietHours(YamlSection? quiet)
    {
        if (quiet is null) return null;
        var start = Time(quiet, "start", "22:00");
        var end = Time(quiet, "end", "06:00");
        if (start is { } a && end is { } b && a == b)
            quiet.Error("end", "start and end are equal, so the window is empty.", "Remove quietHours or give it a real window.");
        var zone = quiet.String("timeZone", required: true, "Europe/London");
        if (zone is not null && !IsIanaTimeZone(zone))
            quiet.Error("timeZone", $"'{zone}' is not an IANA time zone id known to this system.",
                "Use an IANA id such as Europe/London, America/New_York or UTC.");
        return start is null || end is null || zone is null || !IsIanaTimeZone(zone) ? null : new QuietHoursSpec(start.Value, end.Value, zone);
    }

    private static TimeOnly? Time(YamlSection section, string key, string example)
    {
        var text = section.String(key, required: true, $"\"{example}\"");
        if (text is null) return null;
        if (TimeOnly.TryParseExact(text, ["HH:mm", "H:mm"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var t)) return t;
        section.Error(key, $"'{text}' is not a time of day.", $"Write 24-hour HH:mm in quotes, e.g. \"{example}\".");
        return null;
    }

    private static bool IsIanaTimeZone(string id) =>
        TimeZoneInfo.TryFindSystemTimeZoneById(id, out var zone) && zone.HasIanaId;
}
