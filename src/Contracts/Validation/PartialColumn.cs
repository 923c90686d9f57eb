namespace TrainingOrchestration.Contracts.Validation;

/// <summary>
/// One column's profile state after a part: counts, bounds, the exact sums of values and of their squares (as
/// integers of 2^-1074, see <see cref="Sketches.ExactSum"/>), the value histogram where a quantile or drift rule
/// reads it, and category counts where a categorical drift rule does (null once there are too many).
/// </summary>
public sealed record PartialColumn
{
    public required string Name { get; init; }
    public long Values { get; init; }
    public long Nulls { get; init; }
    public long Invalid { get; init; }
    public double? Min { get; init; }
    public double? Max { get; init; }
    public string? Sum { get; init; }
    public string? SumOfSquares { get; init; }
    public int? HistogramShift { get; init; }
    public long[]? HistogramBuckets { get; init; }
    public long[]? HistogramCounts { get; init; }
    public Dictionary<string, long>? Categories { get; init; }
    public bool CategoriesDropped { get; init; }
}
