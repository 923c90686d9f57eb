using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace TrainingOrchestration.Asl.Json;

/// <summary>JSON helpers with AWS's semantics: numbers compare by value, text is compact and unescaped.</summary>
internal static class JsonKit
{
    public static readonly JsonSerializerOptions Compact = new()
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        WriteIndented = false,
    };

    public static JsonValueKind Kind(JsonNode? node) => node switch
    {
        null => JsonValueKind.Null,
        JsonObject => JsonValueKind.Object,
        JsonArray => JsonValueKind.Array,
        JsonValue v => v.GetValueKind(),
        _ => JsonValueKind.Undefined,
    };

    public static bool IsNumber(JsonNode? node) => Kind(node) == JsonValueKind.Number;
    public static bool IsString(JsonNode? node) => Kind(node) == JsonValueKind.String;
    public static bool IsBool(JsonNode? node) => Kind(node) is JsonValueKind.True or JsonValueKind.False;

    public static string? AsString(JsonNode? node) => IsString(node) ? node!.GetValue<string>() : null;

    public static double AsDouble(JsonNode? node)
    {
        var v = (JsonValue)node!;
        if (v.TryGetValue<double>(out var d)) return d;
        if (v.TryGetValue<long>(out var l)) return l;
        if (v.TryGetValue<int>(out var i)) return i;
        if (v.TryGetValue<decimal>(out var m)) return (double)m;
        if (v.TryGetValue<JsonElement>(out var e)) return e.GetDouble();
        return Convert.ToDouble(v.GetValue<object>(), CultureInfo.InvariantCulture);
    }

    public static decimal? AsDecimal(JsonNode? node)
    {
        var v = (JsonValue)node!;
        if (v.TryGetValue<JsonElement>(out var e)) return e.TryGetDecimal(out var dm) ? dm : null;
        if (v.TryGetValue<decimal>(out var m)) return m;
        if (v.TryGetValue<long>(out var l)) return l;
        if (v.TryGetValue<int>(out var i)) return i;
        if (v.TryGetValue<double>(out var d))
        {
            try { return (decimal)d; } catch (OverflowException) { return null; }
        }
        return null;
    }

    /// <summary>The number as an integer when it is one (1.0 counts, as in Java's BigDecimal-less JSON).</summary>
    public static bool TryAsLong(JsonNode? node, out long value)
    {
        value = 0;
        if (!IsNumber(node)) return false;
        var v = (JsonValue)node!;
        if (v.TryGetValue<long>(out value)) return true;
        if (v.TryGetValue<int>(out var i)) { value = i; return true; }
        if (v.TryGetValue<JsonElement>(out var e))
        {
            if (e.TryGetInt64(out value)) return true;
            return false;
        }
        return false;
    }

    /// <summary>Whether the JSON text of a number has no fraction or exponent part.</summary>
    public static bool IsIntegerLiteral(JsonNode? node)
    {
        if (!IsNumber(node)) return false;
        var text = node!.ToJsonString();
        return !text.Contains('.') && !text.Contains('e') && !text.Contains('E');
    }

    public static int CompareNumbers(JsonNode a, JsonNode b)
    {
        var da = AsDecimal(a);
        var db = AsDecimal(b);
        if (da is not null && db is not null) return da.Value.CompareTo(db.Value);
        return AsDouble(a).CompareTo(AsDouble(b));
    }

    public static bool DeepEquals(JsonNode? a, JsonNode? b)
    {
        var ka = Kind(a);
        var kb = Kind(b);
        if (ka != kb) return false;
        switch (ka)
        {
            case JsonValueKind.Null:
            case JsonValueKind.True:
            case JsonValueKind.False:
                return true;
            case JsonValueKind.Number:
                return CompareNumbers(a!, b!) == 0;
            case JsonValueKind.String:
                return a!.GetValue<string>() == b!.GetValue<string>();
            case JsonValueKind.Array:
                var xa = (JsonArray)a!;
                var xb = (JsonArray)b!;
                if (xa.Count != xb.Count) return false;
                for (var i = 0; i < xa.Count; i++)
                {
                    if (!DeepEquals(xa[i], xb[i])) return false;
                }
                return true;
            case JsonValueKind.Object:
                var oa = (JsonObject)a!;
                var ob = (JsonObject)b!;
                if (oa.Count != ob.Count) return false;
                foreach (var (key, value) in oa)
                {
                    if (!ob.TryGetPropertyValue(key, out var other) || !DeepEquals(value, other)) return false;
                }
                return true;
            default:
                return false;
        }
    }

    public static JsonNode? Clone(JsonNode? node) => node?.DeepClone();

    /// <summary>Detaches a node for reuse: clones it when it already has a parent.</summary>
    public static JsonNode? Detach(JsonNode? node) => node is null ? null : node.Parent is null ? node : node.DeepClone();

    public static string Serialize(JsonNode? node) => node is null ? "null" : node.ToJsonString(Compact);

    public static JsonNode? Parse(string? text) =>
        string.IsNullOrEmpty(text) ? null : JsonNode.Parse(text, documentOptions: new JsonDocumentOptions { MaxDepth = 512 });

    public static int Utf8Size(JsonNode? node) => System.Text.Encoding.UTF8.GetByteCount(Serialize(node));
}
