using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;

namespace TrainingOrchestration.Asl.Jsonata;

/// <summary>
/// A Pratt parser for the JSONata subset: literals, <c>$variables</c>, paths with predicates, arithmetic,
/// <c>&amp;</c>, comparisons, <c>and</c>/<c>or</c>/<c>in</c>, conditionals, array and object constructors, calls.
/// </summary>
internal sealed class JsonataParser
{
    private readonly string _text;
    private int _pos;

    private JsonataParser(string text) => _text = text;

    public static JsonataNode Parse(string text)
    {
        var parser = new JsonataParser(text);
        var node = parser.Expression(0);
        parser.Skip();
        if (parser._pos < text.Length) throw parser.Error($"unexpected '{text[parser._pos]}'");
        return node;
    }

    private static int Precedence(string op) => op switch
    {
        "?" or ":=" => 10,
        "or" => 25,
        "and" => 30,
        "=" or "!=" or "<" or "<=" or ">" or ">=" or "in" => 40,
        "&" => 50,
        "+" or "-" => 50,
        "*" or "/" or "%" => 60,
        _ => -1,
    };

    private JsonataNode Expression(int minPrecedence)
    {
        var left = Unary();
        while (true)
        {
            var op = PeekOperator();
            if (op is null) return left;
            var precedence = Precedence(op);
            if (precedence < minPrecedence || precedence < 0) return left;
            _pos += op.Length;
            if (op == ":=")
            {
                // Right-associative: $a := $b := 1 binds both.
                if (left is not JsonataNode.Variable { Name.Length: > 0 } variable)
                    throw Error("S0212: The left side of := must be a variable name (start with $)");
                left = new JsonataNode.Bind(variable.Name, Expression(precedence));
                continue;
            }
            if (op == "?")
            {
                var then = Expression(0);
                JsonataNode? otherwise = null;
                Skip();
                if (Peek() == ':')
                {
                    _pos++;
                    otherwise = Expression(precedence);
                }
                left = new JsonataNode.Conditional(left, then, otherwise);
                continue;
            }
            var right = Expression(precedence + 1);
            left = new JsonataNode.Binary(op, left, right);
        }
    }

    private string? PeekOperator()
    {
        Skip();
        if (_pos >= _text.Length) return null;
        foreach (var op in new[] { ":=", "!=", "<=", ">=", "=", "<", ">", "&", "+", "-", "*", "/", "%", "?" })
        {
            if (string.CompareOrdinal(_text, _pos, op, 0, op.Length) == 0) return op;
        }
        foreach (var word in new[] { "and", "or", "in" })
        {
            if (string.CompareOrdinal(_text, _pos, word, 0, word.Length) == 0 &&
                (_pos + word.Length >= _text.Length || !IsNameChar(_text[_pos + word.Length]))) return word;
        }
        return null;
    }

    private JsonataNode Unary()
    {
        Skip();
        if (Peek() == '-')
        {
            _pos++;
            return new JsonataNode.Negate(Unary());
        }
        return Postfix(Primary());
    }

    private JsonataNode Postfix(JsonataNode node)
    {
        while (true)
        {
            Skip();
            var c = Peek();
            if (c == '.')
            {
                _pos++;
                node = new JsonataNode.Path(node, Primary());
            }
            else if (c == '[')
            {
                _pos++;
                var condition = Expression(0);
                Expect(']');
                node = new JsonataNode.Predicate(node, condition);
            }
            else if (c == '(')
            {
                _pos++;
                var args = new List<JsonataNode>();
                Skip();
                if (Peek() != ')')
                {
                    do { args.Add(Expression(0)); Skip(); } while (TryTake(','));
                }
                Expect(')');
                node = new JsonataNode.Call(node, args);
            }
            else
            {
                return node;
            }
        }
    }

    private JsonataNode Primary()
    {
        Skip();
        if (_pos >= _text.Length) throw Error("unexpected end of expression");
        var c = _text[_pos];
        if (c == '(')
        {
            // A block: expressions separated by ';' (a trailing ';' is allowed), evaluated in a scope of their own.
            _pos++;
            var expressions = new List<JsonataNode>();
            Skip();
            while (Peek() != ')')
            {
                expressions.Add(Expression(0));
                if (!TryTake(';')) break;
                Skip();
            }
            Expect(')');
            return expressions is [var single] && single is not JsonataNode.Bind ? single : new JsonataNode.Block(expressions);
        }
        if (c == '[')
        {
            _pos++;
            var items = new List<JsonataNode>();
            Skip();
            if (Peek() != ']')
            {
                do { items.Add(Expression(0)); Skip(); } while (TryTake(','));
            }
            Expect(']');
            return new JsonataNode.ArrayConstructor(items);
        }
        if (c == '{')
        {
            _pos++;
            var pairs = new List<(JsonataNode, JsonataNode)>();
            Skip();
            if (Peek() != '}')
            {
                do
                {
                    var key = Expression(0);
                    Expect(':');
                    pairs.Add((key, Expression(0)));
                    Skip();
                } while (TryTake(','));
            }
            Expect('}');
            return new JsonataNode.ObjectConstructor(pairs);
        }
        if (c is '"' or '\'') return new JsonataNode.Literal(JsonValue.Create(ReadString(c)));
        if (char.IsDigit(c))
        {
            var start = _pos;
            while (_pos < _text.Length && (char.IsDigit(_text[_pos]) || _text[_pos] is '.' or 'e' or 'E' ||
                   (_text[_pos] is '+' or '-' && _text[_pos - 1] is 'e' or 'E'))) _pos++;
            var number = double.Parse(_text[start.._pos], CultureInfo.InvariantCulture);
            return new JsonataNode.Literal(number == Math.Floor(number) && Math.Abs(number) < 1e15 ? JsonValue.Create((long)number) : JsonValue.Create(number));
        }
        if (c == '$')
        {
            _pos++;
            var start = _pos;
            while (_pos < _text.Length && IsNameChar(_text[_pos])) _pos++;
            return new JsonataNode.Variable(_text[start.._pos]);
        }
        if (c == '`')
        {
            var end = _text.IndexOf('`', _pos + 1);
            if (end < 0) throw Error("unclosed backtick name");
            var name = _text[(_pos + 1)..end];
            _pos = end + 1;
            return new JsonataNode.Field(name);
        }
        if (c == '*')
        {
            _pos++;
            return new JsonataNode.Field("*");
        }
        if (IsNameChar(c))
        {
            var start = _pos;
            while (_pos < _text.Length && IsNameChar(_text[_pos])) _pos++;
            var word = _text[start.._pos];
            return word switch
            {
                "true" => new JsonataNode.Literal(JsonValue.Create(true)),
                "false" => new JsonataNode.Literal(JsonValue.Create(false)),
                "null" => new JsonataNode.Literal(null),
                _ => new JsonataNode.Field(word),
            };
        }
        throw Error($"unexpected '{c}'");
    }

    private string ReadString(char quote)
    {
        _pos++;
        var sb = new StringBuilder();
        while (_pos < _text.Length && _text[_pos] != quote)
        {
            var ch = _text[_pos++];
            if (ch != '\\' || _pos >= _text.Length)
            {
                sb.Append(ch);
                continue;
            }
            var escaped = _text[_pos++];
            switch (escaped)
            {
                case 'n': sb.Append('\n'); break;
                case 't': sb.Append('\t'); break;
                case 'r': sb.Append('\r'); break;
                case 'b': sb.Append('\b'); break;
                case 'f': sb.Append('\f'); break;
                case 'u':
                    sb.Append((char)Convert.ToInt32(_text.Substring(_pos, 4), 16));
                    _pos += 4;
                    break;
                default: sb.Append(escaped); break;
            }
        }
        Expect(quote);
        return sb.ToString();
    }

    private static bool IsNameChar(char c) => char.IsLetterOrDigit(c) || c == '_';

    private char Peek() => _pos < _text.Length ? _text[_pos] : '\0';

    private bool TryTake(char c)
    {
        Skip();
        if (Peek() != c) return false;
        _pos++;
        return true;
    }

    private void Expect(char c)
    {
        Skip();
        if (Peek() != c) throw Error($"expected '{c}'");
        _pos++;
    }

    private void Skip()
    {
        while (_pos < _text.Length && char.IsWhiteSpace(_text[_pos])) _pos++;
    }

    private FormatException Error(string what) => new($"S0201: Syntax error in '{_text}' at position {_pos}: {what}");
}
