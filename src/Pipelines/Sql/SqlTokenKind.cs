namespace TrainingOrchestration.Pipelines.Sql;

/// <summary>What a <see cref="SqlToken"/> is; comments and white space are not tokens.</summary>
public enum SqlTokenKind
{
    /// <summary>An unquoted word: a keyword or a plain identifier.</summary>
    Word,
    /// <summary>A <c>"double-quoted"</c> or <c>`backtick`</c> identifier (<see cref="SqlToken.Text"/> is the unquoted name).</summary>
    QuotedIdentifier,
    /// <summary>A <c>'single-quoted'</c> string literal (<see cref="SqlToken.Text"/> is its value).</summary>
    String,
    Number,
    /// <summary>One punctuation or operator character.</summary>
    Symbol,
}
