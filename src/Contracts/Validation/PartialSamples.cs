namespace TrainingOrchestration.Contracts.Validation;

/// <summary>A rule's failing-row count in one part and its first examples there (at most the contract's <c>exampleRows</c>).</summary>
public sealed record PartialSamples(long Count, IReadOnlyList<FailingRow> Examples);
