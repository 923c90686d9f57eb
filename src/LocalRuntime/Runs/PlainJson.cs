using System.Globalization;
using System.Text.Json.Nodes;
using Amazon.DynamoDBv2.Model;

namespace TrainingOrchestration.LocalRuntime.Runs;

/// <summary>DynamoDB items as plain JSON (strings, numbers, maps, lists), the way a person or a script reads a record.</summary>
public static class PlainJson
{
    /// <summary>Attributes the workflows store as JSON text (States.JsonToString) and a reader wants as JSON.</summary>
    private static readonly HashSet<string> JsonTextAttributes = ["metrics", "thresholds", "validation", "trigger", "outcome", "rules", "profile", "window", "champion", "sideEffects"];

    public static JsonObject FromItem(IReadOnlyDictionary<string, AttributeValue> item)
    {
        var result = new JsonObject();
        foreach (var (key, value) in item.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            var plain = FromValue(value);
            if (JsonTextAttributes.Contains(key) && value.S == "null")
            {
                plain = null; // States.JsonToString of a null (a run without a champion)
            }
            else if (JsonTextAttributes.Contains(key) && value.S is { } text && text.TrimStart() is ['{' or '[', ..])
            {
                try
                {
                    plain = JsonNode.Parse(text);
                }
                catch (System.Text.Json.JsonException)
                {
                    // Not JSON after all: keep the text.
                }
            }
            result[key] = plain;
        }
        return result;
    }

    public static JsonNode? FromValue(AttributeValue value)
    {
        if (value.S is not null) return value.S;
        if (value.N is not null) return decimal.TryParse(value.N, NumberStyles.Float, CultureInfo.InvariantCulture, out var n) ? JsonValue.Create(n) : value.N;
        if (value.BOOL is not null) return value.BOOL.Value;
        if (value.M is not null) return FromItem(value.M);
        if (value.L is not null) return new JsonArray(value.L.Select(FromValue).ToArray());
        if (value.SS is { Count: > 0 }) return new JsonArray(value.SS.Select(s => (JsonNode?)s).ToArray());
        if (value.NS is { Count: > 0 }) return new JsonArray(value.NS.Select(s => (JsonNode?)decimal.Parse(s, CultureInfo.InvariantCulture)).ToArray());
        if (value.B is not null) return Convert.ToBase64String(value.B.ToArray());
        return null;
    }
}
