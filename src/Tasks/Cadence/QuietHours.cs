using System.Globalization;
using TrainingOrchestration.Pipelines.Spec;

namespace TrainingOrchestration.Tasks.Cadence;

/// <summary>
/// A daily wall-clock window in the spec's IANA time zone when no run may start, possibly wrapping midnight
/// (22:00–06:00). Membership is by local wall-clock time, so the window follows daylight saving changes; an end
/// time that does not exist on a spring-forward night ends the window at the first valid instant after the gap.
/// Start equal to end is an empty window.
/// </summary>
public sealed class QuietHours
{
    private readonly QuietHoursSpec _spec;
    private readonly TimeZoneInfo _zone;

    public QuietHours(QuietHoursSpec spec)
    {
        _spec = spec;
        try
        {
            _zone = TimeZoneInfo.FindSystemTimeZoneById(spec.TimeZone);
        }
        catch (TimeZoneNotFoundException e)
        {
            throw new InvalidTimeZoneException($"cadence.quietHours.timeZone '{spec.TimeZone}' is not a known IANA time zone", e);
        }
    }

    public bool Contains(DateTimeOffset instant)
    {
        var local = TimeOnly.FromDateTime(TimeZoneInfo.ConvertTime(instant, _zone).DateTime);
        if (_spec.Start == _spec.End) return false;
        return _spec.Start < _spec.End
            ? local >= _spec.Start && local < _spec.End
            : local >= _spec.Start || local < _spec.End;
    }

    /// <summary>The first instant at or after <paramref name="instant"/> outside the window.</summary>
    public DateTimeOffset NextOpening(DateTimeOffset instant)
    {
        if (!Contains(instant)) return instant;
        var localDate = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(instant, _zone).DateTime);
        for (var day = 0; day <= 2; day++)
        {
            var candidate = ToInstant(localDate.AddDays(day).ToDateTime(_spec.End));
            if (candidate > instant && !Contains(candidate)) return candidate;
        }
        throw new InvalidOperationException($"no opening after {instant:O} in quiet hours {Describe()}");
    }

    public string Describe() =>
        $"{_spec.Start.ToString("HH:mm", CultureInfo.InvariantCulture)}-{_spec.End.ToString("HH:mm", CultureInfo.InvariantCulture)} {_spec.TimeZone}";

    public string LocalTime(DateTimeOffset instant) =>
        TimeZoneInfo.ConvertTime(instant, _zone).ToString("HH:mm", CultureInfo.InvariantCulture);

    /// <summary>
    /// The instant of a local wall-clock time: in a spring-forward gap, the end of the gap; when ambiguous (fall
    /// back), the later instant, after which the wall clock does not return into the window.
    /// </summary>
    private DateTimeOffset ToInstant(DateTime local)
    {
        var unspecified = DateTime.SpecifyKind(local, DateTimeKind.Unspecified);
        while (_zone.IsInvalidTime(unspecified)) unspecified = unspecified.AddMinutes(1);
        var offset = _zone.IsAmbiguousTime(unspecified)
            ? _zone.GetAmbiguousTimeOffsets(unspecified).Min()
            : _zone.GetUtcOffset(unspecified);
        return new DateTimeOffset(unspecified, offset);
    }
}
