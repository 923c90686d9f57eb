namespace TrainingOrchestration.Pipelines.Sql;

/// <summary>
/// Keeps feature (and merge) SQL inside its pipeline: one <c>SELECT</c> (<c>WITH … SELECT</c> allowed) that reads only
/// the views the job defines and its own <c>WITH</c> names. Refused: a second statement, any statement other than a
/// query (<c>COPY</c>, <c>ATTACH</c>, <c>INSTALL</c>, <c>SET</c>, …), functions that read files, settings or the
/// environment (<c>read_csv</c>, <c>glob</c>, <c>getenv</c>, …, from <c>feature-sql-rules.json</c>), table functions,
/// schema-qualified tables, and a file named in <c>FROM</c> (<c>FROM 'x.csv'</c> or <c>FROM "x.csv"</c>, which DuckDB
/// reads). The check works on <see cref="SqlTokenizer"/> tokens, so comments and quoted text never trigger it and
/// cannot hide anything from it. The engines run the SQL with file access disabled as a second wall.
/// </summary>
public static class FeatureSqlGuard
{
    /// <summary>The views the feature job defines before it runs the SQL (WORKFLOW.md "Feature job").</summary>
    public static readonly IReadOnlyList<string> FeatureJobViews = ["source"];

    private static readonly HashSet<string> RelationStarts = new(["from", "join"], StringComparer.OrdinalIgnoreCase);

    /// <summary>Words that end a comma-separated <c>FROM</c> list at the same parenthesis depth.</summary>
    private static readonly HashSet<string> FromListEnds = new(
        ["where", "group", "having", "qualify", "window", "order", "limit", "offset", "union", "except", "intersect", "select", "fetch"],
        StringComparer.OrdinalIgnoreCase);

    /// <summary>Words after which a parenthesis opens a subquery, list or clause, not a function's arguments.</summary>
    private static readonly HashSet<string> NotFunctionNames = new(
        ["as", "in", "exists", "from", "join", "on", "using", "where", "and", "or", "not", "select", "any", "all", "some", "values",
         "lateral", "over", "filter", "within", "then", "else", "when", "case", "by", "having", "qualify", "union", "except",
         "intersect", "is", "like", "between", "window", "recursive", "materialized", "tablesample", "pivot", "unpivot", "for", "with"],
        StringComparer.OrdinalIgnoreCase);

    /// <summary>The first problem in <paramref name="sql"/>, or null when it may run.</summary>
    /// <param name="views">The views the job defines before running the SQL (the feature job: <c>source</c>).</param>
    public static SqlViolation? Check(string sql, IReadOnlyCollection<string> views, SqlGuardRules? rules = null)
    {
        rules ??= SqlGuardRules.Default;
        var tokens = SqlTokenizer.Tokenize(sql, out var lexical);
        if (lexical is not null) return lexical;
        if (tokens.Count == 0) return new SqlViolation(1, 1, "the SQL is empty.", $"Write one SELECT over {Names(views)}.");
        var readable = new HashSet<string>(views, StringComparer.OrdinalIgnoreCase);
        readable.UnionWith(WithNames(tokens));
        return FirstWord(tokens[0], rules, views) ?? SingleStatement(tokens) ?? Walk(tokens, rules, readable, views);
    }

    private static SqlViolation? FirstWord(SqlToken first, SqlGuardRules rules, IReadOnlyCollection<string> views)
    {
        if (first.Kind == SqlTokenKind.Word && rules.AllowedFirstWords.Contains(first.Text.ToLowerInvariant())) return null;
        return At(first, $"the SQL starts with '{first.Text}'; it must be a single query starting with SELECT or WITH.",
            $"Write one SELECT (or WITH … SELECT) over {Names(views)}; the job itself creates, copies and writes everything else.");
    }

    private static SqlViolation? SingleStatement(IReadOnlyList<SqlToken> tokens)
    {
        var end = tokens.ToList().FindIndex(t => t.IsSymbol(';'));
        if (end < 0) return null;
        var extra = tokens.Skip(end + 1).FirstOrDefault(t => !t.IsSymbol(';'));
        return extra == default ? null : At(extra, $"a second statement starts here ('{extra.Text}'); the SQL must be exactly one query.",
            "Remove everything after the first ';' (the job runs one SELECT and writes its result itself).");
    }

    private static SqlViolation? Walk(IReadOnlyList<SqlToken> tokens, SqlGuardRules rules, HashSet<string> readable, IReadOnlyCollection<string> views)
    {
        var inFromList = new Stack<bool>();
        var functionArguments = new Stack<bool>();
        inFromList.Push(false);
        functionArguments.Push(false);
        for (var i = 0; i < tokens.Count; i++)
        {
            var token = tokens[i];
            var previous = i > 0 ? tokens[i - 1] : default;
            var next = i + 1 < tokens.Count ? tokens[i + 1] : default;
            if (token.IsSymbol('('))
            {
                if (next.Kind == SqlTokenKind.Word && rules.StatementKeywords.Contains(next.Text.ToLowerInvariant()))
                    return At(next, $"'{next.Text}' starts a statement inside the query; only SELECT subqueries are allowed.", $"Use a SELECT over {Names(views)}.");
                inFromList.Push(false);
                functionArguments.Push(previous.IsName && !(previous.Kind == SqlTokenKind.Word && NotFunctionNames.Contains(previous.Text)));
                continue;
            }
            if (token.IsSymbol(')'))
            {
                if (inFromList.Count > 1) inFromList.Pop();
                if (functionArguments.Count > 1) functionArguments.Pop();
                continue;
            }
            if (token.IsName && next.IsSymbol('(') && rules.IsForbiddenFunction(token.Text))
                return At(token, $"{token.Text}() reads files, settings or the environment; feature SQL may read only {Names(views)}.",
                    "Remove the call: the job defines the views from the pipeline's data, and nothing else is reachable.");
            // FROM also appears in EXTRACT(year FROM d), TRIM('x' FROM s) and a IS DISTINCT FROM b: not a table reference there.
            if (token.Kind == SqlTokenKind.Word && RelationStarts.Contains(token.Text) && !functionArguments.Peek() && !previous.IsWord("distinct"))
            {
                inFromList.Pop();
                inFromList.Push(true);
                if (Relation(tokens, i + 1, rules, readable, views) is { } problem) return problem;
                continue;
            }
            if (token.IsSymbol(',') && inFromList.Peek())
            {
                if (Relation(tokens, i + 1, rules, readable, views) is { } problem) return problem;
                continue;
            }
            if (token.Kind == SqlTokenKind.Word && FromListEnds.Contains(token.Text))
            {
                inFromList.Pop();
                inFromList.Push(false);
            }
        }
        return null;
    }

    /// <summary>Checks the table reference starting at <paramref name="at"/> (after FROM, JOIN or a FROM-list comma).</summary>
    private static SqlViolation? Relation(IReadOnlyList<SqlToken> tokens, int at, SqlGuardRules rules, HashSet<string> readable, IReadOnlyCollection<string> views)
    {
        if (at < tokens.Count && tokens[at].IsWord("lateral")) at++;
        if (at >= tokens.Count) return null;
        var token = tokens[at];
        var next = at + 1 < tokens.Count ? tokens[at + 1] : default;
        var fix = $"Read {Names(views)} (or a WITH name) instead; the job defines the views from the pipeline's data.";
        if (token.IsSymbol('(')) return null;
        if (token.Kind == SqlTokenKind.String)
            return At(token, $"FROM '{token.Text}' names a file, which DuckDB would read from disk.", fix);
        if (!token.IsName) return null;
        if (next.IsSymbol('('))
            // a forbidden function is reported by the walk with its own reason
            return rules.AllowedTableFunctions.Contains(token.Text.ToLowerInvariant()) || rules.IsForbiddenFunction(token.Text) ? null
                : At(token, $"the table function {token.Text}() is not allowed in FROM.", fix);
        if (next.IsSymbol('.'))
            return At(token, $"'{token.Text}.' qualifies a table with a schema, catalog or file format; only the job's views are readable.", fix);
        return readable.Contains(token.Text) ? null
            : At(token, $"'{token.Text}' is not a view the job defines or a WITH name of this query.", fix);
    }

    /// <summary>The names a <c>WITH</c> clause defines: <c>name [(columns)] AS [NOT] [MATERIALIZED] ( … )</c>, comma separated.</summary>
    private static IEnumerable<string> WithNames(IReadOnlyList<SqlToken> tokens)
    {
        for (var i = 0; i < tokens.Count; i++)
        {
            if (!tokens[i].IsWord("with")) continue;
            var j = i + 1;
            if (j < tokens.Count && tokens[j].IsWord("recursive")) j++;
            while (j < tokens.Count && tokens[j].IsName)
            {
                var name = tokens[j++].Text;
                if (j < tokens.Count && tokens[j].IsSymbol('(')) j = AfterParentheses(tokens, j);
                if (j >= tokens.Count || !tokens[j].IsWord("as")) break;
                j++;
                while (j < tokens.Count && (tokens[j].IsWord("not") || tokens[j].IsWord("materialized"))) j++;
                if (j >= tokens.Count || !tokens[j].IsSymbol('(')) break;
                yield return name;
                j = AfterParentheses(tokens, j);
                if (j >= tokens.Count || !tokens[j].IsSymbol(',')) break;
                j++;
            }
        }
    }

    private static int AfterParentheses(IReadOnlyList<SqlToken> tokens, int open)
    {
        var depth = 0;
        for (var i = open; i < tokens.Count; i++)
        {
            if (tokens[i].IsSymbol('(')) depth++;
            else if (tokens[i].IsSymbol(')') && --depth == 0) return i + 1;
        }
        return tokens.Count;
    }

    private static string Names(IReadOnlyCollection<string> views) => views.Count == 1 ? $"the view '{views.First()}'" : $"the views {string.Join(", ", views.Select(v => $"'{v}'"))}";

    private static SqlViolation At(SqlToken token, string problem, string fix) => new(token.Line, token.Column, problem, fix);
}
