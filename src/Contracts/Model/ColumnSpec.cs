namespace TrainingOrchestration.Contracts.Model;

/// <summary>One column the table must have, in declaration order, with its logical type.</summary>
public sealed record ColumnSpec(string Name, ColumnType Type, SourceLocation Location);
