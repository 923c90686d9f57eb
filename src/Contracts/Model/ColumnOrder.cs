namespace TrainingOrchestration.Contracts.Model;

/// <summary>Whether the declared columns must appear in the file in declaration order.</summary>
public enum ColumnOrder
{
    Strict,
    Any,
}
