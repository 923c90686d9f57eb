namespace TrainingOrchestration.Contracts.Expressions;

internal enum TokenKind
{
    Number,
    Text,
    Identifier,
    Operator,
    End,
}

internal readonly record struct ExpressionToken(TokenKind Kind, string Text, int Position);
