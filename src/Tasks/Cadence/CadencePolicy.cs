using System.Globalization;
using TrainingOrchestration.Pipelines.Spec;

namespace TrainingOrchestration.Tasks.Cadence;

/// <summary>
/// Turns a burst of change events into at most one training run. Rules, first match wins:
/// <list type="number">
/// <item>never trained (no run started yet) → START (bootstrap), so a new pipeline gets its first model;</item>
/// <item>inside the quiet hours → SKIP until they end;</item>
/// <item>pending ≥ minChanges and minInterval elapsed since the last run started → START (threshold);</item>
/// <item>any pending and the oldest pending change has waited ≥ maxStaleness → START (stale), ignoring minChanges
///   and minInterval so a trickle of changes still reaches the model;</item>
/// <item>otherwise SKIP, saying what is missing and when a run would start without further changes.</item>
/// </list>
/// Intervals are elapsed time (a day across a DST change is 24 hours); only the quiet hours follow the wall clock.
/// </summary>
public sealed class CadencePolicy(CadenceSpec spec)
{
    private readonly QuietHours? _quietHours = spec.QuietHours is { } quiet ? new QuietHours(quiet) : null;

    public CadenceDecision Decide(TriggerCounter counter, DateTimeOffset now)
    {
        var pending = counter.PendingChanges;
        var changes = $"{pending} of {spec.MinChanges} changes";
        if (counter.LastRunStartedAt is null)
        {
            return new CadenceDecision(true, CadenceReason.Bootstrap, $"no run has started yet; starting the first run ({pending} changes pending)", null);
        }
        if (_quietHours is { } quiet && quiet.Contains(now))
        {
            var next = NextEligible(counter, now);
            return new CadenceDecision(false, CadenceReason.QuietHours,
                $"quiet hours {quiet.Describe()} (local time {quiet.LocalTime(now)}); {changes} pending" + Eligible(next), next);
        }

        var lastRun = counter.LastRunStartedAt.Value;
        var sinceLastRun = now - lastRun;
        if (pending >= spec.MinChanges && sinceLastRun >= spec.MinInterval)
        {
            return new CadenceDecision(true, CadenceReason.Threshold,
                $"{changes}; last run started {Duration(sinceLastRun)} ago (min interval {Duration(spec.MinInterval)})", null);
        }
        if (pending > 0 && counter.FirstPendingAt is { } first && now - first >= spec.MaxStaleness)
        {
            return new CadenceDecision(true, CadenceReason.Stale,
                $"{changes}; the oldest pending change has waited {Duration(now - first)} (max staleness {Duration(spec.MaxStaleness)})", null);
        }

        var nextEligible = NextEligible(counter, now);
        if (pending >= spec.MinChanges)
        {
            return new CadenceDecision(false, CadenceReason.MinInterval,
                $"{changes}, but the last run started {Duration(sinceLastRun)} ago (min interval {Duration(spec.MinInterval)})" + Eligible(nextEligible),
                nextEligible);
        }
        var missing = pending == 0 ? $"{changes}: no change pending" : changes;
        return new CadenceDecision(false, CadenceReason.BelowMinChanges, missing + Eligible(nextEligible), nextEligible);
    }

    /// <summary>
    /// When a run would start if no further change arrived: the earlier of the threshold time (enough changes and
    /// the interval elapsed) and the staleness time, moved out of the quiet hours. Null when nothing is pending.
    /// </summary>
    private DateTimeOffset? NextEligible(TriggerCounter counter, DateTimeOffset now)
    {
        DateTimeOffset? earliest = null;
        if (counter.PendingChanges >= spec.MinChanges && counter.LastRunStartedAt is { } last) earliest = Later(now, last + spec.MinInterval);
        if (counter.PendingChanges > 0 && counter.FirstPendingAt is { } first)
        {
            var stale = Later(now, first + spec.MaxStaleness);
            earliest = earliest is { } e && e <= stale ? e : stale;
        }
        if (earliest is { } at && _quietHours is { } quiet) return quiet.NextOpening(at);
        return earliest;
    }

    private static DateTimeOffset Later(DateTimeOffset a, DateTimeOffset b) => a >= b ? a : b;

    private static string Eligible(DateTimeOffset? next) =>
        next is { } at ? $"; next eligible at {at.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture)}" : "; only more changes can start a run";

    /// <summary>Human duration: 45m, 6h, 6h30m, 2d3h.</summary>
    public static string Duration(TimeSpan span)
    {
        if (span < TimeSpan.Zero) return "-" + Duration(span.Negate());
        if (span < TimeSpan.FromMinutes(1)) return $"{(int)span.TotalSeconds}s";
        var parts = new List<string>();
        if (span.Days > 0) parts.Add($"{span.Days}d");
        if (span.Hours > 0) parts.Add($"{span.Hours}h");
        if (span.Minutes > 0) parts.Add($"{span.Minutes}m");
        return string.Concat(parts);
    }
}
