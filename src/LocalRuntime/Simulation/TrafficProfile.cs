using TrainingOrchestration.Pipelines.Spec;

namespace TrainingOrchestration.LocalRuntime.Simulation;

/// <summary>
/// How many changes a source table takes each hour, as a business's tables do: busy working days, a quieter evening,
/// almost nothing at night, about a third of the traffic at weekends, and on some days a burst (a batch job, a
/// campaign) of four times the usual rate for two hours. The daytime rate is a third of the pipeline's
/// <c>minChanges</c> per hour, so a working day passes the threshold a few times and the cadence policy decides the rest.
/// Local time is the quiet hours' time zone (UTC when the pipeline has none). Deterministic for a seed.
/// </summary>
public sealed class TrafficProfile
{
    private readonly Random _random;
    private readonly double _daytimeRate;
    private readonly TimeZoneInfo _zone;
    private readonly Dictionary<DateOnly, int?> _burstHour = [];

    public TrafficProfile(PipelineSpec pipeline, int seed)
    {
        _random = new Random(seed);
        _daytimeRate = Math.Max(1, pipeline.Cadence.MinChanges / 3.0);
        _zone = pipeline.Cadence.QuietHours is { } quiet ? TimeZoneInfo.FindSystemTimeZoneById(quiet.TimeZone) : TimeZoneInfo.Utc;
    }

    /// <summary>The changes landing in the hour starting at <paramref name="hour"/> (UTC).</summary>
    public int ChangesIn(DateTimeOffset hour)
    {
        var local = TimeZoneInfo.ConvertTime(hour, _zone);
        var day = DateOnly.FromDateTime(local.DateTime);
        var rate = _daytimeRate * HourFactor(local.Hour) * (local.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday ? 0.35 : 1.0);
        if (BurstHour(day) is { } burst && (local.Hour == burst || local.Hour == burst + 1)) rate *= 4;
        return (int)Math.Round(rate * (0.7 + 0.6 * _random.NextDouble()));
    }

    private static double HourFactor(int hour) => hour switch
    {
        >= 7 and < 19 => 1.0,
        >= 19 and < 23 => 0.4,
        _ => 0.05,
    };

    private int? BurstHour(DateOnly day)
    {
        if (!_burstHour.TryGetValue(day, out var hour))
        {
            hour = _random.NextDouble() < 0.3 ? 8 + _random.Next(10) : null;
            _burstHour[day] = hour;
        }
        return hour;
    }
}
