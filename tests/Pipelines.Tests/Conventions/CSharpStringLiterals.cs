using System.Text;

namespace TrainingOrchestration.Pipelines.Tests.Conventions;

/// <summary>A string literal of a C# source: its text (interpolation holes as <c>{}</c>) and the line it starts on.</summary>
public sealed record StringLiteral(int Line, string Text);

/// <summary>
/// Finds the string literals of C# source text: regular, verbatim (<c>@"..."</c>), interpolated (<c>$"..."</c>, holes
/// scanned as code so strings inside them count too) and raw (<c>"""..."""</c>); comments and char literals are skipped.
/// Enough of the lexer to tell a literal from a comment or an identifier, not a full one.
/// </summary>
public static class CSharpStringLiterals
{
    public static IReadOnlyList<StringLiteral> In(string source)
    {
        var found = new List<StringLiteral>();
        var lexer = new Lexer(source, found);
        lexer.Code(stopAtBrace: false);
        return found;
    }

    private sealed class Lexer(string s, List<StringLiteral> found)
    {
        private int _i;
        private int _line = 1;

        private char At(int offset = 0) => _i + offset < s.Length ? s[_i + offset] : '\0';

        private void Advance(int count = 1)
        {
            for (var k = 0; k < count && _i < s.Length; k++, _i++) if (s[_i] == '\n') _line++;
        }

        /// <summary>Scans code until the end, or until the <c>}</c> closing an interpolation hole.</summary>
        public void Code(bool stopAtBrace)
        {
            var depth = 0;
            while (_i < s.Length)
            {
                var c = At();
                if (c == '/' && At(1) == '/') { while (_i < s.Length && At() != '\n') Advance(); }
                else if (c == '/' && At(1) == '*') { Advance(2); while (_i < s.Length && !(At() == '*' && At(1) == '/')) Advance(); Advance(2); }
                else if (c == '\'') CharLiteral();
                else if (c == '"' || ((c is '$' or '@') && StartsString())) StringToken();
                else if (c == '{') { depth++; Advance(); }
                else if (c == '}')
                {
                    if (stopAtBrace && depth == 0) { Advance(); return; }
                    depth--;
                    Advance();
                }
                else Advance();
            }
        }

        private bool StartsString()
        {
            var k = 0;
            while (At(k) is '$' or '@') k++;
            return k > 0 && At(k) == '"';
        }

        private void CharLiteral()
        {
            Advance();
            while (_i < s.Length && At() != '\'')
            {
                if (At() == '\\') Advance();
                Advance();
            }
            Advance();
        }

        private void StringToken()
        {
            var line = _line;
            int dollars = 0;
            var verbatim = false;
            while (At() is '$' or '@')
            {
                if (At() == '$') dollars++; else verbatim = true;
                Advance();
            }
            var quotes = 0;
            while (At(quotes) == '"') quotes++;
            if (quotes >= 3) { Raw(line, quotes); return; }
            Advance();
            var text = new StringBuilder();
            while (_i < s.Length)
            {
                var c = At();
                if (c == '"')
                {
                    if (verbatim && At(1) == '"') { text.Append('"'); Advance(2); continue; }
                    Advance();
                    break;
                }
                if (!verbatim && c == '\\') { text.Append(c).Append(At(1)); Advance(2); continue; }
                if (dollars > 0 && c == '{')
                {
                    if (At(1) == '{') { text.Append('{'); Advance(2); continue; }
                    Advance();
                    text.Append("{}");
                    Code(stopAtBrace: true);
                    continue;
                }
                if (dollars > 0 && c == '}' && At(1) == '}') { text.Append('}'); Advance(2); continue; }
                text.Append(c);
                Advance();
            }
            found.Add(new StringLiteral(line, text.ToString()));
        }

        private void Raw(int line, int quotes)
        {
            Advance(quotes);
            var start = _i;
            var close = new string('"', quotes);
            var end = s.IndexOf(close, _i, StringComparison.Ordinal);
            if (end < 0) end = s.Length;
            var text = s[start..end];
            Advance(end - _i + quotes);
            found.Add(new StringLiteral(line, text));
        }
    }
}
