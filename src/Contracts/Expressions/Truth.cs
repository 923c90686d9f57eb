namespace TrainingOrchestration.Contracts.Expressions;

/// <summary>Three-valued logic as in SQL: a comparison with a null is <see cref="Unknown"/>.</summary>
public enum Truth : byte
{
    False,
    True,
    Unknown,
}
