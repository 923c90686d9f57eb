namespace TrainingOrchestration.Pipelines.Schedules;

/// <summary>
/// One field of an EventBridge cron expression: its range, its names (JAN-DEC, SUN-SAT) and the wildcards
/// EventBridge allows in it (<c>, - * /</c> everywhere; <c>?</c> in the two day fields; <c>L</c> and <c>W</c> in
/// day-of-month; <c>L</c> and <c>#</c> in day-of-week).
/// </summary>
internal sealed class CronField
{
    private static readonly string[] MonthNames = ["JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV", "DEC"];
    private static readonly string[] DayNames = ["SUN", "MON", "TUE", "WED", "THU", "FRI", "SAT"];

    public static readonly CronField Minutes = new("minutes", 0, 59);
    public static readonly CronField Hours = new("hours", 0, 23);
    public static readonly CronField DayOfMonth = new("day-of-month", 1, 31, dayField: true);
    public static readonly CronField Month = new("month", 1, 12, names: MonthNames);
    public static readonly CronField DayOfWeek = new("day-of-week", 1, 7, names: DayNames, dayField: true);
    public static readonly CronField Year = new("year", 1970, 2199);

    private readonly string name;
    private readonly int min;
    private readonly int max;
    private readonly string[] names;
    private readonly bool dayField;

    private CronField(string name, int min, int max, string[]? names = null, bool dayField = false)
    {
        this.name = name;
        this.min = min;
        this.max = max;
        this.names = names ?? [];
        this.dayField = dayField;
    }

    public string? Problem(string field)
    {
        if (field == "?") return dayField ? null : $"'?' is only allowed in day-of-month and day-of-week, not in {name}.";
        foreach (var item in field.Split(','))
        {
            var problem = ItemProblem(item);
            if (problem is not null) return $"{name} field '{field}': {problem}";
        }
        return null;
    }

    private string? ItemProblem(string item)
    {
        if (item.Length == 0) return "empty list item.";
        if (ReferenceEquals(this, DayOfMonth) && item is "L") return null;
        if (ReferenceEquals(this, DayOfMonth) && item.EndsWith('W')) return ValueProblem(item[..^1]);
        if (ReferenceEquals(this, DayOfWeek) && item is "L") return null;
        if (ReferenceEquals(this, DayOfWeek) && item.EndsWith('L')) return ValueProblem(item[..^1]);
        if (ReferenceEquals(this, DayOfWeek) && item.Contains('#'))
        {
            var parts = item.Split('#');
            if (parts.Length != 2 || !int.TryParse(parts[1], out var nth) || nth < 1 || nth > 5)
                return $"'{item}' must be <day>#<1-5>.";
            return ValueProblem(parts[0]);
        }
        var slash = item.Split('/');
        if (slash.Length > 2) return $"'{item}' has more than one '/'.";
        if (slash.Length == 2 && (!int.TryParse(slash[1], out var step) || step < 1))
            return $"increment '{slash[1]}' must be a positive whole number.";
        var range = slash[0];
        if (range == "*") return null;
        var bounds = range.Split('-');
        if (bounds.Length > 2) return $"'{range}' is not a value or a range a-b.";
        return bounds.Select(ValueProblem).FirstOrDefault(p => p is not null);
    }

    private string? ValueProblem(string value)
    {
        var named = Array.IndexOf(names, value.ToUpperInvariant());
        if (named >= 0) return null;
        if (!int.TryParse(value, out var n))
            return names.Length > 0
                ? $"'{value}' is not a number {min}-{max} or a name {names[0]}-{names[^1]}."
                : $"'{value}' is not a number {min}-{max}.";
        return n < min || n > max ? $"{n} is outside {min}-{max}." : null;
    }
}
