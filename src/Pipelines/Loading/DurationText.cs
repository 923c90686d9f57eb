using System.Text.RegularExpressions;

namespace TrainingOrchestration.Pipelines.Loading;

/// <summary>
/// Durations as written in pipeline.yaml: one or more number+unit pairs, units <c>d</c>, <c>h</c>, <c>m</c>,
/// <c>s</c> (<c>30m</c>, <c>6h</c>, <c>7d</c>, <c>1h30m</c>). Short and unambiguous, unlike ISO 8601 or "06:00:00".
/// </summary>
public static partial class DurationText
{
    public static bool TryParse(string text, out TimeSpan duration)
    {
        duration = TimeSpan.Zero;
        if (!Whole().IsMatch(text)) return false;
        foreach (Match part in Part().Matches(text))
        {
            if (!long.TryParse(part.Groups[1].Value, out var n) || n > 100_000) return false;
            duration += part.Groups[2].Value switch
            {
                "d" => TimeSpan.FromDays(n),
                "h" => TimeSpan.FromHours(n),
                "m" => TimeSpan.FromMinutes(n),
                _ => TimeSpan.FromSeconds(n),
            };
        }
        return true;
    }

    /// <summary>The shortest text that <see cref="TryParse"/> reads back as <paramref name="duration"/>.</summary>
    public static string Format(TimeSpan duration)
    {
        if (duration == TimeSpan.Zero) return "0s";
        var text = "";
        if (duration.Days > 0) text += $"{duration.Days}d";
        if (duration.Hours > 0) text += $"{duration.Hours}h";
        if (duration.Minutes > 0) text += $"{duration.Minutes}m";
        if (duration.Seconds > 0) text += $"{duration.Seconds}s";
        return text;
    }

    [GeneratedRegex(@"^(\d+[dhms])+$")]
    private static partial Regex Whole();

    [GeneratedRegex(@"(\d+)([dhms])")]
    private static partial Regex Part();
}
