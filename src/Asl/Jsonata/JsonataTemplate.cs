using System.Text.Json.Nodes;
using TrainingOrchestration.Asl.Json;
using TrainingOrchestration.Asl.Runtime;

namespace TrainingOrchestration.Asl.Jsonata;

/// <summary>
/// Evaluates a JSONata-mode field (Output, Arguments, Assign, Items, ItemSelector...): every string that is
/// exactly (no surrounding spaces) <c>{% expression %}</c> is replaced by its value; other values are copied. A nested expression that
/// yields nothing fails with States.QueryEvaluationError naming the field as AWS does (<c>Output/result</c>).
/// </summary>
internal static class JsonataTemplate
{
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, JsonataNode> Cache = new(StringComparer.Ordinal);

    public static bool IsExpression(JsonNode? node, out string expression)
    {
        expression = "";
        if (JsonKit.AsString(node) is not { } text) return false;
        var trimmed = text;
        if (!trimmed.StartsWith("{%", StringComparison.Ordinal) || !trimmed.EndsWith("%}", StringComparison.Ordinal) || trimmed.Length < 4) return false;
        expression = trimmed[2..^2].Trim();
        return true;
    }

    public static JsonNode? Evaluate(JsonNode? template, JsonataEvaluator evaluator, string field, StatePrefix errorPrefix)
    {
        switch (template)
        {
            case JsonObject obj:
                var result = new JsonObject();
                foreach (var (key, value) in obj) result[key] = Evaluate(value, evaluator, $"{field}/{key}", errorPrefix);
                return result;
            case JsonArray array:
                return new JsonArray(array.Select((item, i) => Evaluate(item, evaluator, $"{field}[{i}]", errorPrefix)).ToArray());
            default:
                if (!IsExpression(template, out var expression)) return JsonKit.Clone(template);
                var evaluated = EvaluateExpression(expression, evaluator, field, errorPrefix);
                if (!evaluated.Defined)
                    throw new AslErrorException(ErrorNames.QueryEvaluationError,
                        $"{errorPrefix.Text()}The JSONata expression '{expression}' specified for the field '{field}' returned nothing (undefined).");
                return JsonKit.Detach(evaluated.Node);
        }
    }

    public static JsonataValue EvaluateExpression(string expression, JsonataEvaluator evaluator, string field, StatePrefix errorPrefix)
    {
        try
        {
            var node = Cache.GetOrAdd(expression, JsonataParser.Parse);
            return evaluator.Evaluate(node, JsonataValue.Undefined);
        }
        catch (Exception e) when (e is JsonataException or FormatException or System.Text.Json.JsonException or InvalidOperationException)
        {
            throw new AslErrorException(ErrorNames.QueryEvaluationError,
                $"{errorPrefix.Text()}The JSONata expression '{expression}' specified for the field '{field}' threw an error during evaluation. {e.Message}");
        }
    }
}
