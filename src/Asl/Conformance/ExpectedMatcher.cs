using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using TrainingOrchestration.Asl.Json;

namespace TrainingOrchestration.Asl.Conformance;

/// <summary>
/// Compares an actual value with a recorded one structurally. Recordings mask ids, ARNs and dates
/// (<c>&lt;uuid:1&gt;</c>, <c>&lt;ArnPart_0idx&gt;</c>, <c>snf_role_arn</c>): a masked part matches any text.
/// </summary>
public static class ExpectedMatcher
{
    private static readonly Regex Mask = new("<[A-Za-z_][A-Za-z0-9_:-]*>", RegexOptions.Compiled);

    public static bool Matches(JsonNode? expected, JsonNode? actual, out string? difference, string where = "$")
    {
        difference = null;
        if (expected is JsonObject eo)
        {
            if (actual is not JsonObject ao) return Differ(out difference, where, expected, actual);
            foreach (var (key, value) in eo)
            {
                if (!ao.TryGetPropertyValue(key, out var other)) { difference = $"{where}.{key}: missing"; return false; }
                if (!Matches(value, other, out difference, $"{where}.{key}")) return false;
            }
            var extra = ao.Select(p => p.Key).FirstOrDefault(k => !eo.ContainsKey(k));
            if (extra is not null) { difference = $"{where}.{extra}: unexpected"; return false; }
            return true;
        }
        if (expected is JsonArray ea)
        {
            if (actual is not JsonArray aa || aa.Count != ea.Count) return Differ(out difference, where, expected, actual);
            for (var i = 0; i < ea.Count; i++)
            {
                if (!Matches(ea[i], aa[i], out difference, $"{where}[{i}]")) return false;
            }
            return true;
        }
        // Recordings mask timestamps as "date": any RFC3339 timestamp matches it.
        if (JsonKit.AsString(expected) == "date" && JsonKit.AsString(actual) is { } stamp && Runtime.Timestamps.TryParse(stamp, out _)) return true;
        if (JsonKit.AsString(expected) is { } text && JsonKit.AsString(actual) is { } actualText && IsMasked(text))
        {
            return TextMatches(text, actualText) || Differ(out difference, where, expected, actual);
        }
        return JsonKit.DeepEquals(expected, actual) || Differ(out difference, where, expected, actual);
    }

    public static bool TextMatches(string expected, string actual)
    {
        if (!IsMasked(expected)) return expected == actual;
        var pattern = "^" + string.Join(".+?", Mask.Split(expected.Replace("snf_role_arn", "<role>")).Select(Regex.Escape)) + "$";
        return Regex.IsMatch(actual, pattern, RegexOptions.Singleline);
    }

    private static bool IsMasked(string text) => Mask.IsMatch(text) || text.Contains("snf_role_arn");

    private static bool Differ(out string? difference, string where, JsonNode? expected, JsonNode? actual)
    {
        difference = $"{where}: expected {JsonKit.Serialize(expected)} but got {JsonKit.Serialize(actual)}";
        return false;
    }
}
