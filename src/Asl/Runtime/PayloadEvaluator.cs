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
    public static JsonNode? Evaluate(JsonNode? template, ValueSource source, string state, Func<string> errorPrefix)
    {
        switch (template)
        {
            case JsonObject obj:
                var result = new JsonObject();
                foreach (var (key, value) in obj)
                {
                    if (key.EndsWith(".$", StringComparison.Ordinal) && JsonKit.AsString(value) is { } expression)
                    {
                        result[key[..^2]] = EvaluateExpression(expression, source, key, errorPrefix);
                    }
                    else
                    {
                        result[key] = Evaluate(value, source, state, errorPrefix);
                    }
                }
                return result;
            case JsonArray array:
                return new JsonArray(array.Select(item => Evaluate(item, source, state, errorPrefix)).ToArray());
            default:
                return JsonKit.Clone(template);
        }
    }

    public static JsonNode? EvaluateExpression(string expression, ValueSource source, string field, Func<string> errorPrefix)
    {
        if (IntrinsicParser.LooksLikeCall(expression))
        {
            var call = IntrinsicParser.Parse(expression);
            return IntrinsicEvaluator.Evaluate(call, path => Resolve(path, source, field, errorPrefix));
        }
        return JsonKit.Clone(Resolve(JsonPath.Parse(expression), source, field, errorPrefix));
    }

    public static JsonNode? Resolve(JsonPath path, ValueSource source, string field, Func<string> errorPrefix)
    {
        if (source.TryResolve(path, out var value)) return value;
        throw new AslErrorException(ErrorNames.Runtime,
            $"{errorPrefix()}The JSONPath '{path.Text}' specified for the field '{field}' could not be found in the input '{JsonKit.Serialize(source.Input)}'");
    }
}
