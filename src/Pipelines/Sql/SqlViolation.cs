namespace TrainingOrchestration.Pipelines.Sql;

/// <summary>Why a SQL text is refused, where (1-based line and column) and what to do instead.</summary>
public sealed record SqlViolation(int Line, int Column, string Problem, string Fix)
{
    /// <summary><c>file:line:column: field: problem fix</c>, the shape every CLI error has.</summary>
    public string Describe(string file, string field) => $"{file}:{Line}:{Column}: {field}: {Problem} {Fix}";
}
