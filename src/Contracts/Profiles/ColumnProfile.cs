namespace TrainingOrchestration.Contracts.Profiles;

/// <summary>
/// One column's summary. <see cref="BinEdges"/> are the inner edges of equal-frequency bins (bin i holds values in
/// [edge i-1, edge i), the outer bins are open), with <see cref="BinFractions"/> one longer; <see cref="Categories"/>
/// holds value frequencies for low-cardinality columns (null when the column had too many distinct values).
/// </summary>
public sealed record ColumnProfile
{
    public required string Type { get; init; }
    public long Values { get; init; }
    public long Nulls { get; init; }
    public long Invalid { get; init; }
    public double? Min { get; init; }
    public double? Max { get; init; }
    public double? Mean { get; init; }
    public double? StdDev { get; init; }
    public Dictionary<string, double>? Quantiles { get; init; }
    public double[]? BinEdges { get; init; }
    public double[]? BinFractions { get; init; }
    public Dictionary<string, double>? Categories { get; init; }
}
