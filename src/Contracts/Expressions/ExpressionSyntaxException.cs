namespace TrainingOrchestration.Contracts.Expressions;

/// <summary>A predicate that does not parse or type-check; <see cref="Position"/> is the 0-based character offset.</summary>
public sealed class ExpressionSyntaxException(int position, string message) : Exception(message)
{
    public int Position { get; } = position;
}
