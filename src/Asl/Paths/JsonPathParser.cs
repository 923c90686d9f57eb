using System.Globalization;
using System.Text.Json.Nodes;

namespace TrainingOrchestration.Asl.Paths;

/// <summary>Parses JSONPath text; malformed paths throw <see cref="FormatException"/> naming the position.</summary>
internal sealed class JsonPathParser
{
    private readonly string _text;
    private int _pos;

    private JsonPathParser(string text, int pos)
    {
        _text = text;
        _pos = pos;
    }

    public static JsonPath Parse(string text)
    {
        if (string.IsNullOrEmpty(text) || text[0] != '$') throw new FormatException($"JSONPath '{text}' must start with '$'.");
        var root = PathRoot.Input;
        string? variable = null;
        var pos = 1;
        if (text.Length > 1 && text[1] == '$')
        {
            root = PathRoot.Context;
            pos = 2;
        }
        else if (text.Length > 1 && (char.IsLetter(text[1]) || text[1] == '_'))
        {
            root = PathRoot.Variable;
            while (pos < text.Length && (char.IsLetterOrDigit(text[pos]) || text[pos] == '_')) pos++;
            variable = text[1..pos];
        }
        var parser = new JsonPathParser(text, pos);
        var segments = parser.ParseSegments(stopAtClose: false);
        return new JsonPath(text, root, variable, segments);
    }

    private List<PathSegment> ParseSegments(bool stopAtClose)
    {
        var segments = new List<PathSegment>();
        while (_pos < _text.Length)
        {
            var c = _text[_pos];
            if (stopAtClose && (c is ')' or ' ' or '=' or '!' or '<' or '>' or '&' or '|' or ',' or ']')) break;
            if (c == '.')
            {
                if (_pos + 1 < _text.Length && _text[_pos + 1] == '.')
                {
                    _pos += 2;
                    PathSegment inner;
                    if (_pos < _text.Length && _text[_pos] == '[') inner = ParseBracket();
                    else inner = ParseDotName(stopAtClose);
                    segments.Add(new PathSegment(SegmentKind.DeepScan, Inner: inner));
                    continue;
                }
                _pos++;
                segments.Add(ParseDotName(stopAtClose));
            }
            else if (c == '[')
            {
                segments.Add(ParseBracket());
            }
            else if (char.IsWhiteSpace(c) && !stopAtClose)
            {
                _pos++;
                if (_text[_pos..].Trim().Length > 0) throw Error("unexpected whitespace");
            }
            else
            {
                throw Error($"unexpected character '{c}'");
            }
        }
        return segments;
    }

    private PathSegment ParseDotName(bool stopAtClose)
    {
        var start = _pos;
        while (_pos < _text.Length && _text[_pos] is not '.' and not '[' &&
               !(stopAtClose && _text[_pos] is ')' or ' ' or '=' or '!' or '<' or '>' or '&' or '|' or ',' or ']'))
        {
            _pos++;
        }
        var name = _text[start.._pos];
        if (name.Length == 0) throw Error("empty property name");
        if (name == "*") return new PathSegment(SegmentKind.Wildcard);
        if (name == "length()") return new PathSegment(SegmentKind.Length);
        return new PathSegment(SegmentKind.Names, Names: [name]);
    }

    private PathSegment ParseBracket()
    {
        _pos++; // [
        SkipSpaces();
        if (_pos >= _text.Length) throw Error("unclosed '['");
        var c = _text[_pos];
        PathSegment segment;
        if (c == '?')
        {
            _pos++;
            SkipSpaces();
            Expect('(');
            var filter = ParseOr();
            SkipSpaces();
            Expect(')');
            segment = new PathSegment(SegmentKind.Filter, Filter: filter);
        }
        else if (c == '*')
        {
            _pos++;
            segment = new PathSegment(SegmentKind.Wildcard);
        }
        else if (c is '\'' or '"')
        {
            var names = new List<string>();
            while (true)
            {
                SkipSpaces();
                names.Add(ParseQuoted());
                SkipSpaces();
                if (_pos < _text.Length && _text[_pos] == ',') { _pos++; continue; }
                break;
            }
            segment = new PathSegment(SegmentKind.Names, Names: names.ToArray());
        }
        else
        {
            var start = _pos;
            while (_pos < _text.Length && _text[_pos] != ']') _pos++;
            var body = _text[start.._pos].Replace(" ", "");
            segment = body.Contains(':') ? ParseSlice(body) : new PathSegment(SegmentKind.Indexes, Indexes: body.Split(',').Select(ParseInt).ToArray());
        }
        SkipSpaces();
        Expect(']');
        return segment;
    }

    private PathSegment ParseSlice(string body)
    {
        var parts = body.Split(':');
        if (parts.Length > 3) throw Error($"invalid slice '{body}'");
        int? Part(int i) => i < parts.Length && parts[i].Length > 0 ? ParseInt(parts[i]) : null;
        return new PathSegment(SegmentKind.Slice, SliceStart: Part(0), SliceEnd: Part(1), SliceStep: Part(2) ?? 1);
    }

    private int ParseInt(string s) =>
        int.TryParse(s, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var n) ? n : throw Error($"invalid index '{s}'");

    private string ParseQuoted()
    {
        var quote = _text[_pos];
        if (quote is not '\'' and not '"') throw Error("expected a quoted name");
        _pos++;
        var sb = new System.Text.StringBuilder();
        while (_pos < _text.Length && _text[_pos] != quote)
        {
            if (_text[_pos] == '\\' && _pos + 1 < _text.Length && _text[_pos + 1] == quote)
            {
                _pos++;
            }
            sb.Append(_text[_pos]);
            _pos++;
        }
        Expect(quote);
        return sb.ToString();
    }

    private FilterExpression ParseOr()
    {
        var left = ParseAnd();
        while (TryConsume("||")) left = new FilterExpression.Or(left, ParseAnd());
        return left;
    }

    private FilterExpression ParseAnd()
    {
        var left = ParseUnary();
        while (TryConsume("&&")) left = new FilterExpression.And(left, ParseUnary());
        return left;
    }

    private FilterExpression ParseUnary()
    {
        SkipSpaces();
        if (_pos < _text.Length && _text[_pos] == '!' && !(_pos + 1 < _text.Length && _text[_pos + 1] == '='))
        {
            _pos++;
            return new FilterExpression.Not(ParseUnary());
        }
        if (_pos < _text.Length && _text[_pos] == '(')
        {
            _pos++;
            var inner = ParseOr();
            SkipSpaces();
            Expect(')');
            return inner;
        }
        var left = ParseOperand();
        SkipSpaces();
        foreach (var op in new[] { "==", "!=", "<=", ">=", "=~", "<", ">", " in ", " nin " })
        {
            var trimmed = op.Trim();
            if (op.StartsWith(' ') ? TryConsumeWord(trimmed) : TryConsume(op))
            {
                var right = ParseOperand();
                return new FilterExpression.Compare(left, trimmed, right);
            }
        }
        return new FilterExpression.Exists(left);
    }

    private FilterOperand ParseOperand()
    {
        SkipSpaces();
        if (_pos >= _text.Length) throw Error("expected an operand");
        var c = _text[_pos];
        if (c is '@' or '$')
        {
            _pos++;
            var segments = ParseSegments(stopAtClose: true);
            return new FilterOperand(null, c == '@', segments);
        }
        if (c is '\'' or '"') return new FilterOperand(JsonValue.Create(ParseQuoted()), false, null);
        if (c == '/')
        {
            var end = _text.IndexOf('/', _pos + 1);
            if (end < 0) throw Error("unclosed regex");
            var flagsEnd = end + 1;
            while (flagsEnd < _text.Length && char.IsLetter(_text[flagsEnd])) flagsEnd++;
            var literal = _text[_pos..flagsEnd];
            _pos = flagsEnd;
            return new FilterOperand(JsonValue.Create(literal), false, null);
        }
        if (c == '[')
        {
            var end = _text.IndexOf(']', _pos);
            var array = JsonNode.Parse(_text[_pos..(end + 1)].Replace('\'', '"'));
            _pos = end + 1;
            return new FilterOperand(array, false, null);
        }
        var start = _pos;
        while (_pos < _text.Length && (char.IsLetterOrDigit(_text[_pos]) || _text[_pos] is '.' or '-' or '+')) _pos++;
        var token = _text[start.._pos];
        try
        {
            return new FilterOperand(JsonNode.Parse(token), false, null);
        }
        catch (System.Text.Json.JsonException)
        {
            throw Error($"invalid literal '{token}'");
        }
    }

    private bool TryConsume(string token)
    {
        SkipSpaces();
        if (string.CompareOrdinal(_text, _pos, token, 0, token.Length) != 0) return false;
        _pos += token.Length;
        return true;
    }

    private bool TryConsumeWord(string word)
    {
        SkipSpaces();
        if (string.CompareOrdinal(_text, _pos, word, 0, word.Length) != 0) return false;
        var after = _pos + word.Length;
        if (after < _text.Length && char.IsLetterOrDigit(_text[after])) return false;
        _pos = after;
        return true;
    }

    private void SkipSpaces()
    {
        while (_pos < _text.Length && _text[_pos] == ' ') _pos++;
    }

    private void Expect(char c)
    {
        if (_pos >= _text.Length || _text[_pos] != c) throw Error($"expected '{c}'");
        _pos++;
    }

    private FormatException Error(string what) => new($"Invalid JSONPath '{_text}' at position {_pos}: {what}.");
}
