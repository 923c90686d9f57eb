using TrainingOrchestration.Contracts.Profiles;

namespace TrainingOrchestration.Contracts.Validation;

/// <summary>The result of validating one run's feature table; <see cref="Passed"/> is false when any error rule failed.</summary>
public sealed record ValidationOutcome
{
    public required bool Passed { get; init; }
    public required string Summary { get; init; }
    public required IReadOnlyList<RuleOutcome> Rules { get; init; }
    public required long RowCount { get; init; }
    public required string Contract { get; init; }
    public required string ContractVersion { get; init; }
    public IReadOnlyList<string> Files { get; init; } = [];
    public long Bytes { get; init; }
    public double DurationMs { get; init; }
    /// <summary>The table's profile; becomes the accepted profile when the run passes.</summary>
    public TableProfile? Profile { get; init; }
}
