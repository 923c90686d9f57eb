using System.Text.Json.Nodes;
using TrainingOrchestration.Asl.Intrinsics;
using TrainingOrchestration.Asl.Json;
using TrainingOrchestration.Asl.Paths;

namespace TrainingOrchestration.Asl.Runtime;

/// <summary>
/// Builds a payload from a template (Parameters, ResultSelector, ItemSelector, Assign): keys ending in
/// <c>.$</c> take the value of their path or intrinsic function, everything else is copied.
/// </summary>
internal static class PayloadEvaluator
{
    public static JsonNode? Evaluate(JsonNode? template, ValueSource source, string state, StatePrefix errorPrefix)
    {
        switch (template)
        {
            case JsonObject obj:
                var result = new JsonObject();
                foreach (var field in Compile(obj).Fields)
                {
                    result[field.OutputKey] = field.Expression is null
                        ? Evaluate(field.Template, source, state, errorPrefix)
                        : field.Path is not null
                            ? JsonKit.Clone(Resolve(field.Path, source, field.Key, errorPrefix))
                            : EvaluateExpression(field.Expression, source, field.Key, errorPrefix);
                }
                return result;
            case JsonArray array:
                var items = new JsonNode?[array.Count];
                for (var i = 0; i < items.Length; i++) items[i] = Evaluate(array[i], source, state, errorPrefix);
                return new JsonArray(items);
            default:
                return JsonKit.Clone(template);
        }
    }

    /// <summary>
    /// A template object taken apart once (definitions are evaluated on every visit): each field's output key,
    /// and for <c>.$</c> fields the expression with its path parsed when it is a plain path.
    /// </summary>
    internal static CompiledTemplate Compile(JsonObject template) => Compiled.GetValue(template, static obj =>
    {
        var fields = new Field[obj.Count];
        var i = 0;
        foreach (var (key, value) in obj)
        {
            if (key.EndsWith(".$", StringComparison.Ordinal) && JsonKit.AsString(value) is { } expression)
            {
                JsonPath? path = null;
                if (!IntrinsicParser.LooksLikeCall(expression) && JsonPath.TryParse(expression, out _, out _)) path = JsonPath.Parse(expression);
                fields[i++] = new Field(key, key[..^2], expression, path, null);
            }
            else
            {
                fields[i++] = new Field(key, key, null, null, value);
            }
        }
        return new CompiledTemplate(fields, fields.Select(f => f.OutputKey).Distinct(StringComparer.Ordinal).Count() == fields.Length);
    });

    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<JsonObject, CompiledTemplate> Compiled = new();

    /// <summary>One template field: <paramref name="Expression"/> is set for <c>.$</c> keys, <paramref name="Path"/> when it is a plain path.</summary>
    internal sealed record Field(string Key, string OutputKey, string? Expression, JsonPath? Path, JsonNode? Template);

    /// <summary>A template's fields; <paramref name="UniqueKeys"/> is false when <c>"a"</c> and <c>"a.$"</c> both appear (the last one wins).</summary>
    internal sealed record CompiledTemplate(Field[] Fields, bool UniqueKeys)
    {
        /// <summary>Whether <see cref="PayloadText"/> can write it directly (decided on first use, then kept).</summary>
        public bool? Writable { get; set; }
    }

    public static JsonNode? EvaluateExpression(string expression, ValueSource source, string field, StatePrefix errorPrefix)
    {
        if (IntrinsicParser.LooksLikeCall(expression))
        {
            var call = IntrinsicParser.Parse(expression);
            return IntrinsicEvaluator.Evaluate(call, path => Resolve(path, source, field, errorPrefix));
        }
        return JsonKit.Clone(Resolve(JsonPath.Parse(expression), source, field, errorPrefix));
    }

    public static JsonNode? Resolve(JsonPath path, ValueSource source, string field, StatePrefix errorPrefix)
    {
        if (source.TryResolve(path, out var value)) return value;
        throw new AslErrorException(ErrorNames.Runtime,
            $"{errorPrefix.Text()}The JSONPath '{path.Text}' specified for the field '{field}' could not be found in the input '{JsonKit.Serialize(source.Input)}'");
    }
}
