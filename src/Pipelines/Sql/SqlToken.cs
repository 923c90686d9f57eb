namespace TrainingOrchestration.Pipelines.Sql;

/// <summary>One token of a SQL text with its 1-based line and column, so a refusal can point at it.</summary>
public readonly record struct SqlToken(SqlTokenKind Kind, string Text, int Line, int Column)
{
    public bool IsWord(string word) => Kind == SqlTokenKind.Word && string.Equals(Text, word, StringComparison.OrdinalIgnoreCase);

    public bool IsSymbol(char symbol) => Kind == SqlTokenKind.Symbol && Text.Length == 1 && Text[0] == symbol;

    /// <summary>A name: a plain word or a quoted identifier.</summary>
    public bool IsName => Kind is SqlTokenKind.Word or SqlTokenKind.QuotedIdentifier;
}
