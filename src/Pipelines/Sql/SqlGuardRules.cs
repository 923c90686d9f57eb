using System.Text.Json;

namespace TrainingOrchestration.Pipelines.Sql;

/// <summary>
/// The word lists of <see cref="FeatureSqlGuard"/>, read once from the embedded <c>feature-sql-rules.json</c> so the C#
/// guard and the Glue script's Python check (which a test compares against this file) refuse the same SQL.
/// </summary>
public sealed class SqlGuardRules
{
    public const string ResourceName = "TrainingOrchestration.Pipelines.Sql.feature-sql-rules.json";

    private static readonly Lazy<SqlGuardRules> Embedded = new(Load);

    public required IReadOnlySet<string> AllowedFirstWords { get; init; }
    public required IReadOnlySet<string> StatementKeywords { get; init; }
    public required IReadOnlySet<string> ForbiddenFunctions { get; init; }
    public required IReadOnlyList<string> ForbiddenFunctionPrefixes { get; init; }
    public required IReadOnlySet<string> AllowedTableFunctions { get; init; }

    public static SqlGuardRules Default => Embedded.Value;

    public bool IsForbiddenFunction(string name)
    {
        var lower = name.ToLowerInvariant();
        return ForbiddenFunctions.Contains(lower) || ForbiddenFunctionPrefixes.Any(p => lower.StartsWith(p, StringComparison.Ordinal));
    }

    private static SqlGuardRules Load()
    {
        using var stream = typeof(SqlGuardRules).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"embedded resource {ResourceName} is missing from the build");
        using var document = JsonDocument.Parse(stream);
        HashSet<string> Set(string name) =>
            document.RootElement.GetProperty(name).EnumerateArray().Select(e => e.GetString()!.ToLowerInvariant()).ToHashSet(StringComparer.Ordinal);
        return new SqlGuardRules
        {
            AllowedFirstWords = Set("allowedFirstWords"),
            StatementKeywords = Set("statementKeywords"),
            ForbiddenFunctions = Set("forbiddenFunctions"),
            ForbiddenFunctionPrefixes = Set("forbiddenFunctionPrefixes").ToList(),
            AllowedTableFunctions = Set("allowedTableFunctions"),
        };
    }
}
