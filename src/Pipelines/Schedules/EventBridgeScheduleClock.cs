using System.Globalization;
using System.Text.RegularExpressions;
using Cronos;

namespace TrainingOrchestration.Pipelines.Schedules;

/// <summary>
/// When an EventBridge schedule fires next, in UTC (EventBridge evaluates rule schedules in UTC), so the local
/// runtime's virtual clock can deliver "Scheduled Event"s as AWS would. Cron expressions are translated to Cronos
/// (whose day-of-week counts SUN = 0 where EventBridge counts SUN = 1, and which has no year field: years are
/// filtered here). A <c>rate(...)</c> schedule on AWS counts from when the rule was created; here it counts from
/// <c>after</c>.
/// </summary>
public static partial class EventBridgeScheduleClock
{
    private const int LastYear = 2199;

    /// <summary>The first firing strictly after <paramref name="after"/>, or null when the schedule never fires again.</summary>
    public static DateTimeOffset? NextOccurrence(string expression, DateTimeOffset after)
    {
        if (EventBridgeSchedule.Problem(expression) is { } problem)
            throw new ArgumentException($"Invalid EventBridge schedule '{expression}': {problem}", nameof(expression));
        var rate = Rate().Match(expression);
        if (rate.Success) return after + RateInterval(int.Parse(rate.Groups[1].Value, CultureInfo.InvariantCulture), rate.Groups[2].Value);

        var fields = Cron().Match(expression).Groups[1].Value.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var cron = CronExpression.Parse(
            $"0 {fields[0]} {fields[1]} {fields[2]} {fields[3]} {CronosDayOfWeek(fields[4])}", CronFormat.IncludeSeconds);
        var years = Years(fields[5]);
        var from = after.UtcDateTime;
        while (true)
        {
            var next = cron.GetNextOccurrence(from, TimeZoneInfo.Utc);
            if (next is null || next.Value.Year > LastYear) return null;
            if (years.Contains(next.Value.Year)) return new DateTimeOffset(next.Value, TimeSpan.Zero);
            var laterYear = years.Where(y => y > next.Value.Year).DefaultIfEmpty(0).Min();
            if (laterYear == 0) return null;
            from = new DateTime(laterYear, 1, 1, 0, 0, 0, DateTimeKind.Utc).AddTicks(-1);
        }
    }

    private static TimeSpan RateInterval(int value, string unit) => unit.TrimEnd('s') switch
    {
        "minute" => TimeSpan.FromMinutes(value),
        "hour" => TimeSpan.FromHours(value),
        _ => TimeSpan.FromDays(value),
    };

    /// <summary>EventBridge day-of-week 1-7 (SUN-SAT) to Cronos 0-6; a lone <c>L</c> (last day of the week) is Saturday.</summary>
    private static string CronosDayOfWeek(string field) =>
        field == "L" ? "6" : Number().Replace(field, m => m.Index > 0 && field[m.Index - 1] is '#' or '/'
            ? m.Value
            : (int.Parse(m.Value, CultureInfo.InvariantCulture) - 1).ToString(CultureInfo.InvariantCulture));

    private static HashSet<int> Years(string field)
    {
        var years = new HashSet<int>();
        foreach (var item in field.Split(','))
        {
            var parts = item.Split('/');
            var step = parts.Length == 2 ? int.Parse(parts[1], CultureInfo.InvariantCulture) : 1;
            var bounds = parts[0].Split('-');
            var (from, to) = parts[0] == "*"
                ? (1970, LastYear)
                : (int.Parse(bounds[0], CultureInfo.InvariantCulture),
                    bounds.Length == 2 ? int.Parse(bounds[1], CultureInfo.InvariantCulture) : parts.Length == 2 ? LastYear : int.Parse(bounds[0], CultureInfo.InvariantCulture));
            for (var year = from; year <= to; year += step) years.Add(year);
        }
        return years;
    }

    [GeneratedRegex(@"^rate\((\d+) (\w+)\)$")]
    private static partial Regex Rate();

    [GeneratedRegex(@"^cron\((.*)\)$")]
    private static partial Regex Cron();

    [GeneratedRegex(@"\d+")]
    private static partial Regex Number();
}
