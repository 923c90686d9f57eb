using System.Text;

namespace TrainingOrchestration.Cli.Commands.New;

/// <summary>
/// Column names the generated SQL can use unquoted in both Spark SQL and DuckDB (they quote identifiers differently:
/// backticks against double quotes), so every name is lower snake case and never a reserved word.
/// </summary>
internal static class SqlNames
{
    private static readonly HashSet<string> Reserved = new(StringComparer.Ordinal)
    {
        "all", "and", "as", "between", "by", "case", "cast", "create", "cross", "current", "date", "default", "desc",
        "distinct", "else", "end", "exists", "false", "from", "full", "group", "having", "in", "inner", "interval", "is",
        "join", "left", "like", "limit", "not", "null", "on", "or", "order", "outer", "right", "select", "split",
        "table", "then", "time", "timestamp", "to", "true", "union", "user", "using", "when", "where", "with",
    };

    public static string Identifier(string text)
    {
        var builder = new StringBuilder(text.Length);
        foreach (var c in text.Trim())
        {
            if (char.IsAsciiLetterOrDigit(c)) builder.Append(char.ToLowerInvariant(c));
            else if (builder.Length > 0 && builder[^1] != '_') builder.Append('_');
        }
        var name = builder.ToString().Trim('_');
        if (name.Length == 0) name = "column";
        if (char.IsAsciiDigit(name[0])) name = "c_" + name;
        return Reserved.Contains(name) ? name + "_value" : name;
    }

    /// <summary>A SQL string literal.</summary>
    public static string Literal(string value) => "'" + value.Replace("'", "''") + "'";

    /// <summary>Distinct identifiers for a list of names (a suffix where two would collide).</summary>
    public static IReadOnlyList<string> Distinct(IEnumerable<string> names)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var result = new List<string>();
        foreach (var name in names)
        {
            var candidate = name;
            for (var i = 2; !seen.Add(candidate); i++) candidate = $"{name}_{i}";
            result.Add(candidate);
        }
        return result;
    }
}
