using System.Text.Json.Nodes;
using TrainingOrchestration.Asl.Intrinsics;
using TrainingOrchestration.Asl.Json;
using TrainingOrchestration.Asl.Paths;

namespace TrainingOrchestration.Asl.Definition;

/// <summary>Checks every <c>.$</c> value of a payload template is a valid path or intrinsic function.</summary>
internal static class PayloadTemplateValidator
{
    public static void Validate(JsonNode node, string state, string field)
    {
        if (node is JsonObject obj)
        {
            foreach (var (key, value) in obj)
            {
                if (key.EndsWith(".$", StringComparison.Ordinal) && field != "Result")
                {
                    var text = JsonKit.AsString(value) ?? throw new AslDefinitionException(state, $"{field}.{key}",
                        "a field ending in '.$' must hold a JSONPath or an intrinsic function string.");
                    if (IntrinsicParser.LooksLikeCall(text))
                    {
                        try
                        {
                            IntrinsicParser.Parse(text);
                        }
                        catch (FormatException e)
                        {
                            throw new AslDefinitionException(state, $"{field}.{key}", e.Message);
                        }
                    }
                    else if (!JsonPath.TryParse(text, out _, out var error))
                    {
                        throw new AslDefinitionException(state, $"{field}.{key}", error!);
                    }
                }
                else if (value is not null)
                {
                    Validate(value, state, $"{field}.{key}");
                }
            }
        }
        else if (node is JsonArray array)
        {
            for (var i = 0; i < array.Count; i++)
            {
                if (array[i] is { } item) Validate(item, state, $"{field}[{i}]");
            }
        }
    }
}
