using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using TrainingOrchestration.Asl.Json;

namespace TrainingOrchestration.Asl.Jsonata;

/// <summary>
/// The JSONata built-ins the engine provides, plus Step Functions' own ($partition, $range, $hash, $random, $uuid, $parse).
/// Date/time functions ($now, $millis, $toMillis, $fromMillis) are in <see cref="JsonataTime"/>.
/// </summary>
internal static class JsonataFunctions
{
    public static JsonataValue Invoke(string name, List<JsonataValue> a, JsonataEvaluator? evaluator = null)
    {
        if (JsonataTime.TryInvoke(name, a, evaluator, out var timeResult)) return timeResult;
        JsonataValue Arg(int i) => i < a.Count ? a[i] : JsonataValue.Undefined;
        JsonArray Arr(int i) => Arg(i).Node as JsonArray ?? (Arg(i).Defined ? new JsonArray(JsonKit.Clone(Arg(i).Node)) : new JsonArray());
        double Num(int i) => JsonKit.IsNumber(Arg(i).Node) ? JsonKit.AsDouble(Arg(i).Node)
            : throw new JsonataException($"T0410: Argument {i + 1} of function \"{name}\" does not match function signature");
        string Str(int i) => JsonKit.AsString(Arg(i).Node)
            ?? throw new JsonataException($"T0410: Argument {i + 1} of function \"{name}\" does not match function signature");
        JsonataValue Of(JsonNode? n) => JsonataValue.Of(n);
        JsonataValue Number(double d) => JsonataValue.Of(JsonataEvaluator.Number(d));

        switch (name)
        {
            case "not": return Of(JsonValue.Create(!JsonataEvaluator.Truthy(Arg(0))));
            case "boolean": return Of(JsonValue.Create(JsonataEvaluator.Truthy(Arg(0))));
            case "exists": return Of(JsonValue.Create(Arg(0).Defined));
            case "string": return Arg(0).Defined ? Of(JsonValue.Create(StringOf(Arg(0)))) : JsonataValue.Undefined;
            case "number":
                if (JsonKit.IsNumber(Arg(0).Node)) return Arg(0);
                return double.TryParse(Str(0), System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var parsed)
                    ? Number(parsed) : throw new JsonataException("D3030: Unable to cast value to a number");
            case "count": return Number(Arg(0).Defined ? (Arg(0).Node is JsonArray c ? c.Count : 1) : 0);
            case "sum": return Number(Arr(0).Sum(x => JsonKit.AsDouble(x)));
            case "max": return Arr(0).Count == 0 ? JsonataValue.Undefined : Number(Arr(0).Max(x => JsonKit.AsDouble(x)));
            case "min": return Arr(0).Count == 0 ? JsonataValue.Undefined : Number(Arr(0).Min(x => JsonKit.AsDouble(x)));
            case "average": return Arr(0).Count == 0 ? JsonataValue.Undefined : Number(Arr(0).Average(x => JsonKit.AsDouble(x)));
            case "abs": return Number(Math.Abs(Num(0)));
            case "floor": return Number(Math.Floor(Num(0)));
            case "ceil": return Number(Math.Ceiling(Num(0)));
            case "round": return Number(Math.Round(Num(0), a.Count > 1 ? (int)Num(1) : 0, MidpointRounding.ToEven));
            case "length": return Number(Str(0).Length);
            case "uppercase": return Of(JsonValue.Create(Str(0).ToUpperInvariant()));
            case "lowercase": return Of(JsonValue.Create(Str(0).ToLowerInvariant()));
            case "trim": return Of(JsonValue.Create(string.Join(' ', Str(0).Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries))));
            case "replace": return Replace(a, Str);
            case "contains": return Of(JsonValue.Create(Str(0).Contains(Str(1), StringComparison.Ordinal)));
            case "substring":
            {
                var text = Str(0);
                var start = (int)Num(1);
                if (start < 0) start = Math.Max(0, text.Length + start);
                start = Math.Min(start, text.Length);
                var length = a.Count > 2 ? Math.Max(0, Math.Min((int)Num(2), text.Length - start)) : text.Length - start;
                return Of(JsonValue.Create(text.Substring(start, length)));
            }
            case "join": return Of(JsonValue.Create(string.Join(a.Count > 1 ? Str(1) : "", Arr(0).Select(x => JsonKit.AsString(x) ?? "")))) ;
            case "split": return Of(new JsonArray(Str(0).Split(Str(1)).Select(p => (JsonNode?)JsonValue.Create(p)).ToArray()));
            case "keys": return Arg(0).Node is JsonObject ko ? Of(new JsonArray(ko.Select(p => (JsonNode?)JsonValue.Create(p.Key)).ToArray())) : JsonataValue.Undefined;
            case "merge":
            {
                var merged = new JsonObject();
                foreach (var item in Arr(0).OfType<JsonObject>())
                {
                    foreach (var (k, v) in item) merged[k] = JsonKit.Clone(v);
                }
                return Of(merged);
            }
            case "append":
            {
                if (!Arg(0).Defined) return Arg(1);
                if (!Arg(1).Defined) return Arg(0);
                var result = new JsonArray();
                foreach (var x in Arr(0)) result.Add(JsonKit.Clone(x));
                foreach (var x in Arr(1)) result.Add(JsonKit.Clone(x));
                return Of(result);
            }
            case "parse": return Of(JsonKit.Parse(Str(0)));
            case "partition":
            {
                var array = Arr(0);
                var size = (int)Num(1);
                if (size <= 0) throw new JsonataException("The chunk size must be greater than 0");
                var result = new JsonArray();
                for (var i = 0; i < array.Count; i += size) result.Add(new JsonArray(array.Skip(i).Take(size).Select(JsonKit.Clone).ToArray()));
                return Of(result);
            }
            case "range":
            {
                var start = (long)Num(0);
                var end = (long)Num(1);
                var step = (long)Num(2);
                if (step == 0) throw new JsonataException("The step cannot be 0");
                var result = new JsonArray();
                for (var v = start; step > 0 ? v <= end : v >= end; v += step)
                {
                    result.Add(JsonValue.Create(v));
                    if (result.Count > 1000) throw new JsonataException("The array cannot contain more than 1000 items");
                }
                // A one-element result is a singleton sequence, which JSONata collapses to the value (as AWS returns it).
                return result.Count == 1 ? Of(JsonKit.Detach(result[0])) : Of(result);
            }
            case "hash":
            {
                var bytes = Encoding.UTF8.GetBytes(Str(0));
                var hash = (a.Count > 1 ? Str(1) : "SHA-256") switch
                {
                    "MD5" => MD5.HashData(bytes),
                    "SHA-1" => SHA1.HashData(bytes),
                    "SHA-256" => SHA256.HashData(bytes),
                    "SHA-384" => SHA384.HashData(bytes),
                    "SHA-512" => SHA512.HashData(bytes),
                    var other => throw new JsonataException($"Unsupported hashing algorithm '{other}'"),
                };
                return Of(JsonValue.Create(Convert.ToHexStringLower(hash)));
            }
            case "random": return Of(JsonValue.Create(Random.Shared.NextDouble()));
            case "uuid": return Of(JsonValue.Create(Guid.NewGuid().ToString()));
            case "type":
                return !Arg(0).Defined ? JsonataValue.Undefined : Of(JsonValue.Create(Arg(0).Node switch
                {
                    null => "null",
                    JsonObject => "object",
                    JsonArray => "array",
                    var n when JsonKit.IsNumber(n) => "number",
                    var n when JsonKit.IsString(n) => "string",
                    _ => "boolean",
                }));
        }
        throw new JsonataException("T1006: Attempted to invoke a non-function");
    }

    /// <summary>
    /// <c>$replace(str, pattern, replacement [, limit])</c> with a string pattern: each occurrence, left to right, up to
    /// <c>limit</c>, replaced by the replacement as written (https://docs.jsonata.org/string-functions#replace). Regex
    /// patterns are not in the engine's subset.
    /// </summary>
    private static JsonataValue Replace(List<JsonataValue> a, Func<int, string> str)
    {
        if (a.Count == 0 || !a[0].Defined) return JsonataValue.Undefined;
        var text = str(0);
        var pattern = str(1);
        var replacement = str(2);
        if (pattern.Length == 0) throw new JsonataException("D3010: Second argument of replace function cannot be an empty string");
        long? limit = null;
        if (a.Count > 3 && a[3].Defined)
        {
            if (!JsonKit.IsNumber(a[3].Node)) throw new JsonataException("T0410: Argument 4 of function \"replace\" does not match function signature");
            limit = (long)Math.Floor(JsonKit.AsDouble(a[3].Node));
            if (limit < 0) throw new JsonataException("D3011: Fourth argument of replace function must evaluate to a positive number");
        }
        var result = new StringBuilder();
        var position = 0;
        var count = 0;
        var index = text.IndexOf(pattern, StringComparison.Ordinal);
        while (index >= 0 && (limit is null || count < limit))
        {
            result.Append(text, position, index - position).Append(replacement);
            position = index + pattern.Length;
            count++;
            index = text.IndexOf(pattern, position, StringComparison.Ordinal);
        }
        return JsonataValue.Of(JsonValue.Create(result.Append(text, position, text.Length - position).ToString()));
    }

    /// <summary>$string: strings as they are, numbers in shortest form, everything else as compact JSON.</summary>
    public static string StringOf(JsonataValue value)
    {
        if (!value.Defined) return "";
        if (JsonKit.AsString(value.Node) is { } text) return text;
        if (JsonKit.IsNumber(value.Node))
        {
            var d = JsonKit.AsDouble(value.Node);
            return d == Math.Floor(d) && Math.Abs(d) < 1e15 ? ((long)d).ToString(System.Globalization.CultureInfo.InvariantCulture) : JsonataEvaluator.Format(d);
        }
        return JsonKit.Serialize(value.Node);
    }
}
