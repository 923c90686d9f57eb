using System.Text.RegularExpressions;

namespace TrainingOrchestration.Pipelines.Schedules;

/// <summary>
/// Validates EventBridge schedule expressions as the EventBridge user guide defines them, which is not Unix or
/// Quartz cron: <c>rate(value unit)</c> with a singular unit for 1 and a plural one otherwise, or
/// <c>cron(Minutes Hours Day-of-month Month Day-of-week Year)</c> with exactly one of day-of-month and
/// day-of-week being <c>?</c>. Checked here so a bad schedule fails at load time, not at deploy time.
/// </summary>
public static partial class EventBridgeSchedule
{
    /// <summary>Null when <paramref name="expression"/> is valid, otherwise what is wrong with it.</summary>
    public static string? Problem(string expression)
    {
        var rate = Rate().Match(expression);
        if (rate.Success) return RateProblem(rate.Groups[1].Value, rate.Groups[2].Value);
        var cron = Cron().Match(expression);
        if (cron.Success) return CronProblem(cron.Groups[1].Value);
        return $"'{expression}' is neither cron(...) nor rate(...).";
    }

    private static string? RateProblem(string value, string unit)
    {
        if (!int.TryParse(value, out var n) || n < 1) return $"rate value '{value}' must be a positive whole number.";
        var singular = unit is "minute" or "hour" or "day";
        var plural = unit is "minutes" or "hours" or "days";
        if (!singular && !plural) return $"rate unit '{unit}' must be minute(s), hour(s) or day(s).";
        if (n == 1 && plural) return $"rate(1 {unit}) needs the singular unit: rate(1 {unit.TrimEnd('s')}).";
        if (n > 1 && singular) return $"rate({n} {unit}) needs the plural unit: rate({n} {unit}s).";
        return null;
    }

    private static string? CronProblem(string body)
    {
        var fields = body.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (fields.Length != 6)
            return $"cron needs 6 fields (minutes hours day-of-month month day-of-week year) but has {fields.Length}.";
        var dayOfMonth = fields[2];
        var dayOfWeek = fields[4];
        if ((dayOfMonth == "?") == (dayOfWeek == "?"))
            return "exactly one of day-of-month (3rd field) and day-of-week (5th field) must be '?'.";
        return CronField.Minutes.Problem(fields[0])
            ?? CronField.Hours.Problem(fields[1])
            ?? CronField.DayOfMonth.Problem(dayOfMonth)
            ?? CronField.Month.Problem(fields[3])
            ?? CronField.DayOfWeek.Problem(dayOfWeek)
            ?? CronField.Year.Problem(fields[5]);
    }

    [GeneratedRegex(@"^rate\((\S+) (\S+)\)$")]
    private static partial Regex Rate();

    [GeneratedRegex(@"^cron\((.*)\)$")]
    private static partial Regex Cron();
}
