namespace TrainingOrchestration.Cli.Commands.New;

/// <summary>
/// One column the generated <c>features.sql</c> outputs: its name, the portable SQL expression that computes it, the
/// contract type DuckDB and Spark give it, and what the contract should say about it.
/// </summary>
internal sealed record FeatureColumn(string Name, string Expression, string ContractType, string? Comment)
{
    /// <summary>0/1 columns (flags, one-hot codes, yes/no answers) get an allowed-values rule.</summary>
    public bool IsFlag { get; init; }
    /// <summary>The range observed in the sample, after sentinels were removed.</summary>
    public double? Min { get; init; }
    public double? Max { get; init; }
    /// <summary>Numeric columns worth a drift check against the last accepted run.</summary>
    public bool TrackDrift { get; init; }
}
