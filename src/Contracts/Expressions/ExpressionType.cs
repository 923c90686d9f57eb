namespace TrainingOrchestration.Contracts.Expressions;

/// <summary>The static type of an expression node, checked when the contract loads.</summary>
internal enum ExpressionType
{
    Number,
    Bool,
    Text,
}
