using System.Text;

namespace TrainingOrchestration.Pipelines.Sql;

/// <summary>
/// Splits SQL into tokens the way both DuckDB and Spark SQL read it: <c>--</c> and <c>/* */</c> comments are skipped,
/// <c>'strings'</c> (with <c>''</c> for a quote), <c>"identifiers"</c> and <c>`identifiers`</c> are single tokens. Where
/// the two engines read the same text differently (a backslash inside quotes is an escape in Spark but not in DuckDB,
/// nested comments, DuckDB's <c>$$</c> strings), the text is refused, so a check over these tokens sees exactly what
/// either engine will run.
/// </summary>
public static class SqlTokenizer
{
    public static IReadOnlyList<SqlToken> Tokenize(string sql, out SqlViolation? violation)
    {
        var reader = new Cursor(sql);
        var tokens = new List<SqlToken>();
        violation = null;
        while (violation is null && reader.SkipSpaceAndComments(out violation))
        {
            if (reader.AtEnd) break;
            var (line, column) = (reader.Line, reader.Column);
            var c = reader.Peek();
            SqlToken? token = c switch
            {
                '\'' => Quoted(reader, '\'', SqlTokenKind.String, "string", out violation),
                '"' or '`' => Quoted(reader, c, SqlTokenKind.QuotedIdentifier, "quoted identifier", out violation),
                _ when char.IsLetter(c) || c == '_' => new SqlToken(SqlTokenKind.Word, reader.TakeWhile(IsWordPart), line, column),
                _ when char.IsDigit(c) => new SqlToken(SqlTokenKind.Number, reader.TakeWhile(ch => char.IsLetterOrDigit(ch) || ch == '.'), line, column),
                '$' => Refuse(out violation, line, column, "a '$' (DuckDB's $$-quoted strings and $parameters) is not portable to Spark SQL.",
                    "Use a 'single-quoted' string."),
                _ => new SqlToken(SqlTokenKind.Symbol, reader.Take().ToString(), line, column),
            };
            if (token is { } t) tokens.Add(t);
        }
        return tokens;
    }

    private static bool IsWordPart(char c) => char.IsLetterOrDigit(c) || c == '_';

    private static SqlToken? Refuse(out SqlViolation? violation, int line, int column, string problem, string fix)
    {
        violation = new SqlViolation(line, column, problem, fix);
        return null;
    }

    private static SqlToken? Quoted(Cursor reader, char quote, SqlTokenKind kind, string what, out SqlViolation? violation)
    {
        var (line, column) = (reader.Line, reader.Column);
        reader.Take();
        var text = new StringBuilder();
        while (!reader.AtEnd)
        {
            var c = reader.Take();
            if (c == '\\')
                return Refuse(out violation, reader.Line, reader.Column - 1, $"a backslash inside a {what} is an escape in Spark SQL but not in DuckDB, so the two engines would read different SQL.",
                    "Remove the backslash (write a quote by doubling it: 'it''s').");
            if (c != quote)
            {
                text.Append(c);
                continue;
            }
            if (!reader.AtEnd && reader.Peek() == quote)
            {
                text.Append(reader.Take());
                continue;
            }
            violation = null;
            return new SqlToken(kind, text.ToString(), line, column);
        }
        return Refuse(out violation, line, column, $"this {what} is never closed.", $"Close it with {quote}.");
    }

    private sealed class Cursor(string text)
    {
        private int position;

        public int Line { get; private set; } = 1;
        public int Column { get; private set; } = 1;
        public bool AtEnd => position >= text.Length;

        public char Peek(int ahead = 0) => position + ahead < text.Length ? text[position + ahead] : '\0';

        public char Take()
        {
            var c = text[position++];
            if (c == '\n') (Line, Column) = (Line + 1, 1);
            else Column++;
            return c;
        }

        public string TakeWhile(Func<char, bool> part)
        {
            var start = position;
            while (!AtEnd && part(Peek())) Take();
            return text[start..position];
        }

        /// <summary>Skips white space and comments; false (with the violation) on an unclosed or nested block comment.</summary>
        public bool SkipSpaceAndComments(out SqlViolation? violation)
        {
            violation = null;
            while (!AtEnd)
            {
                if (char.IsWhiteSpace(Peek())) Take();
                else if (Peek() == '-' && Peek(1) == '-') TakeWhile(c => c != '\n');
                else if (Peek() == '/' && Peek(1) == '*')
                {
                    if (!SkipBlockComment(out violation)) return false;
                }
                else break;
            }
            return true;
        }

        private bool SkipBlockComment(out SqlViolation? violation)
        {
            var (line, column) = (Line, Column);
            Take();
            Take();
            while (!AtEnd)
            {
                if (Peek() == '/' && Peek(1) == '*')
                {
                    violation = new SqlViolation(Line, Column, "a comment opened inside a comment: DuckDB and Spark SQL do not agree where nested comments end.",
                        "Do not nest /* */ comments; use -- line comments.");
                    return false;
                }
                if (Peek() == '*' && Peek(1) == '/')
                {
                    Take();
                    Take();
                    violation = null;
                    return true;
                }
                Take();
            }
            violation = new SqlViolation(line, column, "this /* comment is never closed.", "Close it with */.");
            return false;
        }
    }
}
