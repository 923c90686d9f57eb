using TrainingOrchestration.Pipelines.Spec;

namespace TrainingOrchestration.Cli.Commands.New;

/// <summary>What the user asked <c>new</c> for.</summary>
internal sealed record ScaffoldOptions(string Pipeline, string CsvFile, string Label, string? Positive, string? Key, CdcKind Cdc)
{
    /// <summary>--problem-type; null to decide from the label column.</summary>
    public ProblemType? ProblemType { get; init; }
}
