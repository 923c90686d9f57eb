using System.Globalization;
using System.Text.RegularExpressions;

namespace TrainingOrchestration.Asl.Runtime;

/// <summary>RFC3339 timestamps as ASL accepts them: uppercase T separator, Z or a numeric offset.</summary>
internal static partial class Timestamps
{
    [GeneratedRegex(@"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$")]
    private static partial Regex Rfc3339();

    public static bool TryParse(string text, out DateTimeOffset value)
    {
        value = default;
        if (!Rfc3339().IsMatch(text)) return false;
        return DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal, out value);
    }

    /// <summary>
    /// <paramref name="now"/> plus <paramref name="seconds"/>, saturating at the calendar's end instead of overflowing: a
    /// retrier with a huge MaxAttempts and BackoffRate keeps moving the virtual clock without ever throwing.
    /// </summary>
    public static DateTimeOffset After(DateTimeOffset now, double seconds)
    {
        var room = (DateTimeOffset.MaxValue - now).TotalSeconds;
        return double.IsNaN(seconds) || seconds >= room ? DateTimeOffset.MaxValue : now.AddSeconds(Math.Max(0, seconds));
    }

    /// <summary>The format AWS uses in the context object and history (<c>2024-01-01T00:00:00.000Z</c>).</summary>
    public static string Format(DateTimeOffset value) => value.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);
}
