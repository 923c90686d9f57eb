using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using TrainingOrchestration.Asl.Paths;

namespace TrainingOrchestration.Asl.Intrinsics;

/// <summary>
/// Parses intrinsic function calls with AWS's escaping: string literals in single quotes where
/// <c>\'</c>, <c>\{</c>, <c>\}</c> and <c>\\</c> escape the character that follows.
/// </summary>
internal sealed class IntrinsicParser
{
    public static readonly HashSet<string> Known =
    [
        "States.Format", "States.StringToJson", "States.JsonToString", "States.Array", "States.ArrayPartition",
        "States.ArrayContains", "States.ArrayRange", "States.ArrayGetItem", "States.ArrayLength", "States.ArrayUnique",
        "States.Base64Encode", "States.Base64Decode", "States.Hash", "States.JsonMerge", "States.MathRandom",
        "States.MathAdd", "States.StringSplit", "States.UUID",
    ];

    private readonly string _text;
    private int _pos;

    private IntrinsicParser(string text) => _text = text;

    public static bool LooksLikeCall(string text) => text.StartsWith("States.", StringComparison.Ordinal) && text.Contains('(');

    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, IntrinsicCall> Cache = new(StringComparer.Ordinal);

    public static IntrinsicCall Parse(string text)
    {
        if (Cache.TryGetValue(text, out var cached)) return cached;
        var call = ParseUncached(text);
        if (Cache.Count < 100_000) Cache[text] = call;
        return call;
    }

    private static IntrinsicCall ParseUncached(string text)
    {
        var parser = new IntrinsicParser(text);
        var call = parser.ParseCall();
        parser.SkipSpaces();
        if (parser._pos != text.Length) throw parser.Error("unexpected text after the closing parenthesis");
        return call;
    }

    private IntrinsicCall ParseCall()
    {
        var start = _pos;
        while (_pos < _text.Length && (char.IsLetterOrDigit(_text[_pos]) || _text[_pos] == '.')) _pos++;
        var name = _text[start.._pos];
        if (!Known.Contains(name)) throw Error($"unknown function '{name}'");
        SkipSpaces();
        Expect('(');
        var args = new List<IntrinsicArgument>();
        SkipSpaces();
        if (Peek() == ')')
        {
            _pos++;
            return new IntrinsicCall(name, args, _text[start.._pos]);
        }
        while (true)
        {
            SkipSpaces();
            args.Add(ParseArgument());
            SkipSpaces();
            if (Peek() == ',') { _pos++; continue; }
            Expect(')');
            break;
        }
        return new IntrinsicCall(name, args, _text[start.._pos]);
    }

    private IntrinsicArgument ParseArgument()
    {
        var c = Peek();
        if (c == '\'') return new IntrinsicArgument.Literal(JsonValue.Create(ParseString()));
        if (c == '$')
        {
            var start = _pos;
            var depth = 0;
            var inQuote = false;
            while (_pos < _text.Length)
            {
                var ch = _text[_pos];
                if (inQuote)
                {
                    if (ch == '\'') inQuote = false;
                }
                else if (ch == '\'') inQuote = true;
                else if (ch is '[' or '(') depth++;
                else if (ch is ']') depth--;
                else if (ch == ')')
                {
                    if (depth == 0) break;
                    depth--;
                }
                else if (ch == ',' && depth == 0) break;
                _pos++;
            }
            var pathText = _text[start.._pos].TrimEnd();
            try
            {
                return new IntrinsicArgument.Path(JsonPath.Parse(pathText));
            }
            catch (FormatException e)
            {
                throw Error(e.Message);
            }
        }
        if (_text.AsSpan(_pos).StartsWith("States.")) return new IntrinsicArgument.Call(ParseCall());
        var tokenStart = _pos;
        while (_pos < _text.Length && _text[_pos] is not ',' and not ')' && !char.IsWhiteSpace(_text[_pos])) _pos++;
        var token = _text[tokenStart.._pos];
        switch (token)
        {
            case "true": return new IntrinsicArgument.Literal(JsonValue.Create(true));
            case "false": return new IntrinsicArgument.Literal(JsonValue.Create(false));
            case "null": return new IntrinsicArgument.Literal(null);
        }
        if (long.TryParse(token, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var l))
            return new IntrinsicArgument.Literal(JsonValue.Create(l));
        if (double.TryParse(token, NumberStyles.Float, CultureInfo.InvariantCulture, out var d))
            return new IntrinsicArgument.Literal(JsonValue.Create(d));
        throw Error($"invalid argument '{token}'");
    }

    private string ParseString()
    {
        Expect('\'');
        var sb = new StringBuilder();
        while (_pos < _text.Length && _text[_pos] != '\'')
        {
            if (_text[_pos] == '\\' && _pos + 1 < _text.Length)
            {
                // Keep \{ and \} escaped so States.Format can tell literal braces from placeholders.
                var next = _text[_pos + 1];
                if (next is '{' or '}') sb.Append('\\');
                sb.Append(next);
                _pos += 2;
                continue;
            }
            sb.Append(_text[_pos++]);
        }
        Expect('\'');
        return sb.ToString();
    }

    private char Peek() => _pos < _text.Length ? _text[_pos] : '\0';

    private void SkipSpaces()
    {
        while (_pos < _text.Length && char.IsWhiteSpace(_text[_pos])) _pos++;
    }

    private void Expect(char c)
    {
        if (Peek() != c) throw Error($"expected '{c}'");
        _pos++;
    }

    private FormatException Error(string what) => new($"The value for the field has an invalid intrinsic function '{_text}': {what} at position {_pos}.");
}
