namespace TrainingOrchestration.Contracts.Model;

/// <summary>
/// Column presence and order. Missing columns always fail; <see cref="AllowExtraColumns"/> decides whether a
/// column the contract does not declare fails too (downstream XGBoost channels are positional, so by default it does).
/// </summary>
public sealed record SchemaSpec(ColumnOrder Order, bool AllowExtraColumns, Severity Severity);
