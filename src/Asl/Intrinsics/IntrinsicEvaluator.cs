using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using TrainingOrchestration.Asl.Json;
using TrainingOrchestration.Asl.Paths;
using TrainingOrchestration.Asl.Runtime;

namespace TrainingOrchestration.Asl.Intrinsics;

/// <summary>Evaluates intrinsic functions; failures are <c>States.IntrinsicFailure</c> (or <c>States.Runtime</c> for bad paths).</summary>
internal static class IntrinsicEvaluator
{
    public static JsonNode? Evaluate(IntrinsicCall call, Func<JsonPath, JsonNode?> resolve)
    {
        var args = new List<JsonNode?>(call.Arguments.Count);
        for (var i = 0; i < call.Arguments.Count; i++)
        {
            var keepBraceEscapes = call.Name == "States.Format" && i == 0;
            args.Add(call.Arguments[i] switch
            {
                IntrinsicArgument.Literal l when JsonKit.IsString(l.Value) && !keepBraceEscapes =>
                    JsonValue.Create(l.Value!.GetValue<string>().Replace("\\{", "{").Replace("\\}", "}")),
                IntrinsicArgument.Literal l => JsonKit.Clone(l.Value),
                IntrinsicArgument.Path p => JsonKit.Clone(resolve(p.JsonPath)),
                IntrinsicArgument.Call c => Evaluate(c.Function, resolve),
                _ => null,
            });
        }
        try
        {
            return Invoke(call, args);
        }
        catch (AslErrorException)
        {
            throw;
        }
        catch (Exception e) when (e is FormatException or JsonException or InvalidOperationException or ArgumentException or OverflowException)
        {
            throw new AslErrorException(ErrorNames.IntrinsicFailure, $"Invalid arguments in {call.Name}: {e.Message}");
        }
    }

    private static JsonNode? Invoke(IntrinsicCall call, List<JsonNode?> a)
    {
        switch (call.Name)
        {
            case "States.Format":
                Arity(call, a, 1, int.MaxValue);
                return Format(call, Str(call, a[0]), a.Skip(1).ToList());
            case "States.StringToJson":
                Arity(call, a, 1, 1);
                var text = Str(call, a[0]);
                return string.IsNullOrWhiteSpace(text) ? null : JsonNode.Parse(text);
            case "States.JsonToString":
                Arity(call, a, 1, 1);
                return JsonValue.Create(JsonKit.Serialize(a[0]));
            case "States.Array":
                return new JsonArray(a.ToArray());
            case "States.ArrayPartition":
            {
                Arity(call, a, 2, 2);
                var array = Arr(call, a[0]);
                var size = Int(call, a[1]);
                if (size <= 0) throw Fail(call, "the chunk size must be greater than 0");
                var result = new JsonArray();
                for (var i = 0; i < array.Count; i += size)
                    result.Add(new JsonArray(array.Skip(i).Take(size).Select(JsonKit.Clone).ToArray()));
                return result;
            }
            case "States.ArrayContains":
                Arity(call, a, 2, 2);
                return JsonValue.Create(Arr(call, a[0]).Any(x => JsonKit.DeepEquals(x, a[1])));
            case "States.ArrayRange":
            {
                Arity(call, a, 3, 3);
                var start = Int(call, a[0]);
                var end = Int(call, a[1]);
                var step = Int(call, a[2]);
                if (step == 0) throw Fail(call, "the step cannot be 0");
                var result = new JsonArray();
                for (long v = start; step > 0 ? v <= end : v >= end; v += step)
                {
                    result.Add(JsonValue.Create(v));
                    if (result.Count > 1000) throw Fail(call, "the array cannot contain more than 1000 items");
                }
                return result;
            }
            case "States.ArrayGetItem":
            {
                Arity(call, a, 2, 2);
                var array = Arr(call, a[0]);
                var index = Int(call, a[1]);
                if (index < 0 || index >= array.Count) throw Fail(call, $"index {index} is out of bounds for an array of {array.Count} items");
                return JsonKit.Clone(array[index]);
            }
            case "States.ArrayLength":
                Arity(call, a, 1, 1);
                return JsonValue.Create(Arr(call, a[0]).Count);
            case "States.ArrayUnique":
            {
                Arity(call, a, 1, 1);
                var result = new JsonArray();
                foreach (var item in Arr(call, a[0]))
                {
                    if (!result.Any(x => JsonKit.DeepEquals(x, item))) result.Add(JsonKit.Clone(item));
                }
                return result;
            }
            case "States.Base64Encode":
                Arity(call, a, 1, 1);
                return JsonValue.Create(Convert.ToBase64String(Encoding.UTF8.GetBytes(Str(call, a[0]))));
            case "States.Base64Decode":
                Arity(call, a, 1, 1);
                return JsonValue.Create(Encoding.UTF8.GetString(Convert.FromBase64String(Str(call, a[0]))));
            case "States.Hash":
            {
                Arity(call, a, 2, 2);
                var data = JsonKit.IsString(a[0]) ? a[0]!.GetValue<string>() : JsonKit.Serialize(a[0]);
                var bytes = Encoding.UTF8.GetBytes(data);
                var hash = Str(call, a[1]) switch
                {
                    "MD5" => MD5.HashData(bytes),
                    "SHA-1" => SHA1.HashData(bytes),
                    "SHA-256" => SHA256.HashData(bytes),
                    "SHA-384" => SHA384.HashData(bytes),
                    "SHA-512" => SHA512.HashData(bytes),
                    var other => throw Fail(call, $"unsupported hashing algorithm '{other}' (expected MD5, SHA-1, SHA-256, SHA-384 or SHA-512)"),
                };
                return JsonValue.Create(Convert.ToHexStringLower(hash));
            }
            case "States.JsonMerge":
            {
                Arity(call, a, 3, 3);
                if (a[0] is not JsonObject left || a[1] is not JsonObject right) throw Fail(call, "both arguments must be JSON objects");
                if (JsonKit.Kind(a[2]) != JsonValueKind.False) throw Fail(call, "deep merging is not supported: the third argument must be false");
                var merged = (JsonObject)left.DeepClone();
                foreach (var (key, value) in right) merged[key] = JsonKit.Clone(value);
                return merged;
            }
            case "States.MathRandom":
            {
                Arity(call, a, 2, 3);
                var start = Truncated(call, a[0]);
                var end = Truncated(call, a[1]);
                var random = a.Count == 3 ? new Random(Truncated(call, a[2])) : Random.Shared;
                return JsonValue.Create(random.Next(start, Math.Max(start, end)));
            }
            case "States.MathAdd":
                Arity(call, a, 2, 2);
                return JsonValue.Create(JavaRound(call, a[0]) + JavaRound(call, a[1]));
            case "States.StringSplit":
            {
                Arity(call, a, 2, 2);
                var delimiters = Str(call, a[1]).ToCharArray();
                var parts = Str(call, a[0]).Split(delimiters, StringSplitOptions.RemoveEmptyEntries);
                return new JsonArray(parts.Select(p => (JsonNode?)JsonValue.Create(p)).ToArray());
            }
            case "States.UUID":
                Arity(call, a, 0, 0);
                return JsonValue.Create(Guid.NewGuid().ToString());
        }
        throw Fail(call, "unknown function");
    }

    private static JsonNode Format(IntrinsicCall call, string template, List<JsonNode?> values)
    {
        var sb = new StringBuilder();
        var next = 0;
        for (var i = 0; i < template.Length; i++)
        {
            var c = template[i];
            if (c == '\\' && i + 1 < template.Length && template[i + 1] is '{' or '}')
            {
                sb.Append(template[++i]);
            }
            else if (c == '{' && i + 1 < template.Length && template[i + 1] == '}')
            {
                if (next >= values.Count) throw Fail(call, "the number of arguments does not match the number of placeholders");
                sb.Append(FormatValue(values[next++]));
                i++;
            }
            else
            {
                sb.Append(c);
            }
        }
        if (next != values.Count) throw Fail(call, "the number of arguments does not match the number of placeholders");
        return JsonValue.Create(sb.ToString());
    }

    /// <summary>How AWS renders a value inside States.Format (Java's Map/List toString for containers).</summary>
    internal static string FormatValue(JsonNode? value) => value switch
    {
        null => "null",
        JsonObject o => "{" + string.Join(", ", o.Select(p => $"{p.Key}={FormatValue(p.Value)}")) + "}",
        JsonArray arr => "[" + string.Join(", ", arr.Select(FormatValue)) + "]",
        JsonValue v when JsonKit.IsString(v) => v.GetValue<string>(),
        _ => value.ToJsonString(),
    };

    private static long JavaRound(IntrinsicCall call, JsonNode? node)
    {
        if (!JsonKit.IsNumber(node)) throw Fail(call, "the arguments must be numbers");
        return (long)Math.Floor(JsonKit.AsDouble(node) + 0.5);
    }

    private static void Arity(IntrinsicCall call, List<JsonNode?> args, int min, int max)
    {
        if (args.Count < min || args.Count > max)
            throw Fail(call, min == max ? $"expected {min} argument(s) but got {args.Count}" : $"expected between {min} and {max} arguments but got {args.Count}");
    }

    private static string Str(IntrinsicCall call, JsonNode? node) =>
        JsonKit.IsString(node) ? node!.GetValue<string>() : throw Fail(call, $"expected a string argument but got {JsonKit.Serialize(node)}");

    private static JsonArray Arr(IntrinsicCall call, JsonNode? node) =>
        node as JsonArray ?? throw Fail(call, $"expected an array argument but got {JsonKit.Serialize(node)}");

    private static int Truncated(IntrinsicCall call, JsonNode? node)
    {
        if (JsonKit.IsNumber(node) && JsonKit.AsDouble(node) is >= int.MinValue and <= int.MaxValue) return (int)JsonKit.AsDouble(node);
        throw Fail(call, $"expected a number argument but got {JsonKit.Serialize(node)}");
    }

    private static int Int(IntrinsicCall call, JsonNode? node)
    {
        if (JsonKit.IsNumber(node))
        {
            var d = JsonKit.AsDouble(node);
            if (d == Math.Floor(d) && d >= int.MinValue && d <= int.MaxValue) return (int)d;
        }
        throw Fail(call, $"expected an integer argument but got {JsonKit.Serialize(node)}");
    }

    private static AslErrorException Fail(IntrinsicCall call, string what) =>
        new(ErrorNames.IntrinsicFailure, $"Invalid arguments in {call.Name}: {what}");

    internal static string Describe(double d) => d.ToString(CultureInfo.InvariantCulture);
}
