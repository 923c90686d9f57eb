namespace TrainingOrchestration.Pipelines.Spec;

/// <summary>
/// When a burst of changes becomes a training run. A run starts when at least <see cref="MinChanges"/> changes are
/// pending and <see cref="MinInterval"/> has passed since the last run, or when the data has been stale for
/// <see cref="MaxStaleness"/> with any change pending; never inside <see cref="QuietHours"/>.
/// <see cref="Schedule"/> (an EventBridge cron or rate expression) re-evaluates the policy even without new events.
/// </summary>
public sealed record CadenceSpec
{
    public required int MinChanges { get; init; }
    public required TimeSpan MinInterval { get; init; }
    public required TimeSpan MaxStaleness { get; init; }
    public QuietHoursSpec? QuietHours { get; init; }
    public required string Schedule { get; init; }

    /// <summary>
    /// How long a failed run keeps the pipeline lock so that it can be redriven (<c>cadence.redriveWindow</c>); runs
    /// in that window are recorded <c>PipelineBusy</c> skips. At most 14 days, the longest Step Functions redrives.
    /// </summary>
    public TimeSpan RedriveWindow { get; init; } = DefaultRedriveWindow;

    public static readonly TimeSpan DefaultRedriveWindow = TimeSpan.FromHours(24);
    public static readonly TimeSpan MaxRedriveWindow = TimeSpan.FromDays(14);
}

/// <summary>Local-time window in <see cref="TimeZone"/> (IANA id); may wrap midnight (22:00 to 06:00).</summary>
public sealed record QuietHoursSpec(TimeOnly Start, TimeOnly End, string TimeZone);
