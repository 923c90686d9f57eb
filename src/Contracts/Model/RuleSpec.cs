namespace TrainingOrchestration.Contracts.Model;

/// <summary>
/// One rule of a contract as declared. <see cref="Id"/> is the rule's name in outcomes and metrics: the
/// <c>name</c> given in the contract, else <c>check:column</c>.
/// </summary>
public sealed record RuleSpec
{
    public required string Id { get; init; }
    public required CheckKind Check { get; init; }
    public required Severity Severity { get; init; }
    public required SourceLocation Location { get; init; }
    /// <summary>The column(s) the rule reads; empty for table-level rules.</summary>
    public IReadOnlyList<string> Columns { get; init; } = [];
    public double? Min { get; init; }
    public double? Max { get; init; }
    /// <summary>Quantile in [0, 1] for <see cref="CheckKind.Quantile"/>.</summary>
    public double? Quantile { get; init; }
    public IReadOnlyList<string> Values { get; init; } = [];
    public string? Pattern { get; init; }
    public string? Expression { get; init; }
    public TimeSpan? MaxAge { get; init; }
    public double? MaxDecrease { get; init; }
    public double? MaxIncrease { get; init; }
    public double? MaxPsi { get; init; }
    public int Bins { get; init; } = 10;
    public DriftKind DriftKind { get; init; } = DriftKind.Numeric;
    public GlueJobLimits? Glue { get; init; }

    public string? Column => Columns.Count > 0 ? Columns[0] : null;
}
