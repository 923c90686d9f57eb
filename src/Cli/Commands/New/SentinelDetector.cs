namespace TrainingOrchestration.Cli.Commands.New;

/// <summary>
/// Finds a number that stands for "unknown" in a numeric column: all nines (9999, 99999999, …) at least ten times
/// the largest other value, or a negative code (-1, -9, -99, -999, -9999) in a column whose other values are never
/// negative. Such values would otherwise become the column's maximum or minimum and dominate the model's splits.
/// </summary>
internal static class SentinelDetector
{
    private static readonly double[] NegativeCodes = [-1, -9, -99, -999, -9999];

    public static double? Find(IReadOnlyList<double> values)
    {
        if (values.Count < 10) return null;
        var distinct = values.Distinct().ToList();
        var nines = distinct.Where(IsAllNines).OrderByDescending(v => v).FirstOrDefault(double.NaN);
        if (!double.IsNaN(nines))
        {
            var others = distinct.Where(v => v != nines).DefaultIfEmpty(0).Max();
            if (others * 10 <= nines) return nines;
        }
        foreach (var code in NegativeCodes)
        {
            if (distinct.Contains(code) && distinct.Where(v => v != code).All(v => v >= 0) && distinct.Count > 2) return code;
        }
        return null;
    }

    private static bool IsAllNines(double value)
    {
        if (value < 9999 || value != Math.Floor(value) || value > 1e15) return false;
        return ((long)value).ToString(System.Globalization.CultureInfo.InvariantCulture).All(c => c == '9');
    }
}
