namespace TrainingOrchestration.Contracts.Expressions;

/// <summary>Splits a predicate into tokens; strings are single-quoted with '' as the escaped quote, as in SQL.</summary>
internal static class ExpressionLexer
{
    public static List<ExpressionToken> Tokenize(string text)
    {
        var tokens = new List<ExpressionToken>();
        var i = 0;
        while (i < text.Length)
        {
            var c = text[i];
            if (char.IsWhiteSpace(c)) { i++; continue; }
            var start = i;
            if (char.IsDigit(c) || (c == '.' && i + 1 < text.Length && char.IsDigit(text[i + 1])))
            {
                while (i < text.Length && (char.IsDigit(text[i]) || text[i] == '.')) i++;
                if (i < text.Length && text[i] is 'e' or 'E')
                {
                    i++;
                    if (i < text.Length && text[i] is '+' or '-') i++;
                    while (i < text.Length && char.IsDigit(text[i])) i++;
                }
                var number = text[start..i];
                if (!double.TryParse(number, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out _))
                {
                    throw new ExpressionSyntaxException(start, $"'{number}' is not a number at position {start + 1}");
                }
                tokens.Add(new(TokenKind.Number, number, start));
            }
            else if (char.IsLetter(c) || c == '_')
            {
                while (i < text.Length && (char.IsLetterOrDigit(text[i]) || text[i] == '_')) i++;
                tokens.Add(new(TokenKind.Identifier, text[start..i], start));
            }
            else if (c == '\'')
            {
                var value = new System.Text.StringBuilder();
                i++;
                while (true)
                {
                    if (i >= text.Length) throw new ExpressionSyntaxException(start, $"unterminated string starting at position {start + 1}");
                    if (text[i] == '\'')
                    {
                        if (i + 1 < text.Length && text[i + 1] == '\'') { value.Append('\''); i += 2; continue; }
                        i++;
                        break;
                    }
                    value.Append(text[i++]);
                }
                tokens.Add(new(TokenKind.Text, value.ToString(), start));
            }
            else
            {
                var two = i + 1 < text.Length ? text.Substring(i, 2) : "";
                if (two is "==" or "!=" or "<=" or ">=" or "<>")
                {
                    tokens.Add(new(TokenKind.Operator, two == "<>" ? "!=" : two, start));
                    i += 2;
                }
                else if (c is '<' or '>' or '+' or '-' or '*' or '/' or '(' or ')')
                {
                    tokens.Add(new(TokenKind.Operator, c.ToString(), start));
                    i++;
                }
                else if (c == '=')
                {
                    tokens.Add(new(TokenKind.Operator, "==", start));
                    i++;
                }
                else
                {
                    throw new ExpressionSyntaxException(start, $"unexpected character '{c}' at position {start + 1}");
                }
            }
        }
        tokens.Add(new(TokenKind.End, "end of expression", text.Length));
        return tokens;
    }
}
