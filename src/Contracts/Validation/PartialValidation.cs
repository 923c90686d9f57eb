namespace TrainingOrchestration.Contracts.Validation;

/// <summary>
/// What validating one part of a table (one or more of its files) leaves behind, in a form that
/// <see cref="ValidationMerge"/> combines with the other parts into the <see cref="ValidationOutcome"/> that validating
/// the whole table at once gives: row counts, exact sums, value histograms, drift bin counts, failure counts with
/// their first examples, and schema problems. Serialized with <see cref="PartialValidationSerializer"/> (a few KB
/// for the churn contract, so it fits a Step Functions payload; write it to S3 when many columns carry histograms).
/// </summary>
public sealed record PartialValidation
{
    public required string Contract { get; init; }
    public required string ContractVersion { get; init; }
    public required IReadOnlyList<string> Files { get; init; }
    public long Bytes { get; init; }
    public required long RowCount { get; init; }
    public double DurationMs { get; init; }
    /// <summary>Problems of the <c>columns</c> rule (missing, undeclared or misordered columns, unreadable files).</summary>
    public IReadOnlyList<string> SchemaProblems { get; init; } = [];
    /// <summary>Rows with the wrong number of fields.</summary>
    public required PartialSamples RaggedRows { get; init; }
    /// <summary>Per contract column, in contract order.</summary>
    public required IReadOnlyList<PartialColumn> Columns { get; init; }
    /// <summary>Per rule: the type rules (one per column) first, then the contract's rules in order.</summary>
    public required IReadOnlyList<PartialRule> Rules { get; init; }
}
