using System.Globalization;
using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace TrainingOrchestration.LocalRuntime.Events;

/// <summary>One alternative of an event pattern leaf: a literal or a content filter, matched against one event value.</summary>
internal static class ContentFilter
{
    private static readonly HashSet<string> Operators =
        ["prefix", "suffix", "anything-but", "numeric", "exists", "equals-ignore-case", "wildcard", "cidr"];

    public static bool Matches(JsonNode? filter, JsonNode? value)
    {
        if (filter is not JsonObject obj) return LiteralEquals(filter, value);
        var (op, argument) = obj.Single();
        return op switch
        {
            "prefix" => MatchAffix(argument, value, (s, a, c) => s.StartsWith(a, c)),
            "suffix" => MatchAffix(argument, value, (s, a, c) => s.EndsWith(a, c)),
            "equals-ignore-case" => AsString(value) is { } s && (argument is JsonArray options
                ? options.Any(o => string.Equals(s, o!.GetValue<string>(), StringComparison.OrdinalIgnoreCase))
                : string.Equals(s, argument!.GetValue<string>(), StringComparison.OrdinalIgnoreCase)),
            "wildcard" => AsString(value) is { } w && (argument is JsonArray wildcards
                ? wildcards.Any(o => Wildcard.Matches(o!.GetValue<string>(), w))
                : Wildcard.Matches(argument!.GetValue<string>(), w)),
            "numeric" => AsNumber(value) is { } n && NumericMatches(argument!.AsArray(), n),
            "anything-but" => !AnythingButExcludes(argument, value),
            "cidr" => AsString(value) is { } ip && CidrMatches(argument!.GetValue<string>(), ip),
            _ => false,
        };
    }

    public static void Validate(JsonNode? filter, string field)
    {
        if (filter is not JsonObject obj) return;
        if (obj.Count != 1 || !Operators.Contains(obj.Single().Key))
        {
            throw new FormatException($"Event pattern field '{field}': unknown filter {obj.ToJsonString()}; expected one of {string.Join(", ", Operators)}.");
        }
        var (op, argument) = obj.Single();
        if (op == "numeric")
        {
            var parts = argument as JsonArray ?? throw new FormatException($"Event pattern field '{field}': numeric takes an array like [\">\", 0, \"<=\", 5].");
            if (parts.Count is not (2 or 4)) throw new FormatException($"Event pattern field '{field}': numeric takes one or two comparisons.");
        }
        if (op == "exists" && argument?.GetValueKind() is not (JsonValueKind.True or JsonValueKind.False))
        {
            throw new FormatException($"Event pattern field '{field}': exists takes true or false.");
        }
    }

    private static bool LiteralEquals(JsonNode? literal, JsonNode? value)
    {
        if (literal is null) return value is null;
        if (value is null) return false;
        return literal.GetValueKind() switch
        {
            JsonValueKind.String => value.GetValueKind() == JsonValueKind.String && literal.GetValue<string>() == value.GetValue<string>(),
            JsonValueKind.Number => AsNumber(value) is { } n && value.GetValueKind() == JsonValueKind.Number && n == literal.GetValue<decimal>(),
            JsonValueKind.True or JsonValueKind.False => value.GetValueKind() == literal.GetValueKind(),
            _ => false,
        };
    }

    private static bool MatchAffix(JsonNode? argument, JsonNode? value, Func<string, string, StringComparison, bool> test)
    {
        if (AsString(value) is not { } text) return false;
        if (argument is JsonObject ignoreCase && ignoreCase.TryGetPropertyValue("equals-ignore-case", out var affix))
        {
            return test(text, affix!.GetValue<string>(), StringComparison.OrdinalIgnoreCase);
        }
        return test(text, argument!.GetValue<string>(), StringComparison.Ordinal);
    }

    /// <summary>True when the value is one anything-but rules out (so the filter does not match).</summary>
    private static bool AnythingButExcludes(JsonNode? argument, JsonNode? value)
    {
        return argument switch
        {
            JsonArray list => list.Any(item => Matches(item, value)),
            JsonObject filter => Matches(filter, value),
            _ => LiteralEquals(argument, value),
        };
    }

    private static bool NumericMatches(JsonArray parts, decimal number)
    {
        for (var i = 0; i + 1 < parts.Count; i += 2)
        {
            var bound = parts[i + 1]!.GetValue<decimal>();
            var ok = parts[i]!.GetValue<string>() switch
            {
                "<" => number < bound,
                "<=" => number <= bound,
                ">" => number > bound,
                ">=" => number >= bound,
                "=" => number == bound,
                _ => false,
            };
            if (!ok) return false;
        }
        return true;
    }

    private static bool CidrMatches(string cidr, string address)
    {
        var slash = cidr.IndexOf('/');
        if (slash < 0 || !IPAddress.TryParse(cidr[..slash], out var network) || !IPAddress.TryParse(address, out var ip)) return false;
        if (network.AddressFamily != ip.AddressFamily) return false;
        var bits = int.Parse(cidr[(slash + 1)..], CultureInfo.InvariantCulture);
        var a = network.GetAddressBytes();
        var b = ip.GetAddressBytes();
        for (var i = 0; i < a.Length && bits > 0; i++, bits -= 8)
        {
            var mask = bits >= 8 ? 0xFF : (byte)(0xFF << (8 - bits));
            if ((a[i] & mask) != (b[i] & mask)) return false;
        }
        return true;
    }

    private static string? AsString(JsonNode? value) =>
        value?.GetValueKind() == JsonValueKind.String ? value.GetValue<string>() : null;

    private static decimal? AsNumber(JsonNode? value) =>
        value?.GetValueKind() == JsonValueKind.Number && value.AsValue().TryGetValue<decimal>(out var n) ? n : null;
}
