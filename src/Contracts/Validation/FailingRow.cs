namespace TrainingOrchestration.Contracts.Validation;

/// <summary>An example of a row that broke a rule: its file, its 1-based data row (the header is not counted) and the value.</summary>
public sealed record FailingRow(string? File, long Row, string Value);
