using System.Globalization;

namespace TrainingOrchestration.Contracts.Checks;

/// <summary>Numbers and bounds as they read in outcomes: invariant culture, short.</summary>
internal static class Formats
{
    public static string Number(double value) => value.ToString("G6", CultureInfo.InvariantCulture);

    public static string Bounds(double? min, double? max, Func<double, string>? format = null)
    {
        format ??= Number;
        return (min, max) switch
        {
            ({ } a, { } b) => $"between {format(a)} and {format(b)}",
            ({ } a, null) => $">= {format(a)}",
            (null, { } b) => $"<= {format(b)}",
            _ => "any",
        };
    }

    public static bool Within(double value, double? min, double? max) => (min is null || value >= min) && (max is null || value <= max);
}
