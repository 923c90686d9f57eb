using TrainingOrchestration.Contracts.Model;

namespace TrainingOrchestration.Contracts.Validation;

/// <summary>
/// How one rule fared: what was observed against what was required, how many rows failed and a few of them.
/// A failed rule is a value, never an exception; only <see cref="Severity.Error"/> failures block training.
/// </summary>
public sealed record RuleOutcome
{
    public required string Rule { get; init; }
    public required string Check { get; init; }
    public string? Column { get; init; }
    public required Severity Severity { get; init; }
    public required bool Passed { get; init; }
    public string? Observed { get; init; }
    public string? Threshold { get; init; }
    public long FailingCount { get; init; }
    public IReadOnlyList<FailingRow> Examples { get; init; } = [];
    /// <summary>Why the rule could not be fully evaluated, e.g. no accepted run to compare with yet.</summary>
    public string? Note { get; init; }
}
