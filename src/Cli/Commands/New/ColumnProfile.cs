using System.Globalization;

namespace TrainingOrchestration.Cli.Commands.New;

/// <summary>
/// What the scaffold learned about one CSV column: how many values are empty, which distinct values occur (kept up to
/// <see cref="TableProfiler.MaxTrackedValues"/>), the numeric range, and a sentinel value standing in for "missing".
/// </summary>
internal sealed record ColumnProfile(string Name, ColumnKind Kind, long Rows, long Empty, bool Unique)
{
    /// <summary>Distinct non-empty values with their counts, most frequent first; empty when there are too many to track.</summary>
    public IReadOnlyList<KeyValuePair<string, long>> Values { get; init; } = [];
    public double? Min { get; init; }
    public double? Max { get; init; }
    public double? Median { get; init; }
    /// <summary>A value such as 99999999 or -1 that stands for "unknown" (far outside the other values), if any.</summary>
    public double? Sentinel { get; init; }
    public long SentinelCount { get; init; }
    /// <summary>Integers beyond 32 bits need BIGINT in the SQL.</summary>
    public bool NeedsBigInt => Kind == ColumnKind.Integer && (Max > int.MaxValue || Min < int.MinValue);
    public bool IsNumeric => Kind is ColumnKind.Integer or ColumnKind.Decimal;
    /// <summary>Empty or sentinel values that the SQL replaces.</summary>
    public long Missing => Empty + SentinelCount;
    public double Completeness => Rows == 0 ? 0 : (double)(Rows - Empty) / Rows;

    public static string Number(double value) => value.ToString("R", CultureInfo.InvariantCulture);
}
