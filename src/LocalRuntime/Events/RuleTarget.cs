using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using TrainingOrchestration.Asl.Paths;

namespace TrainingOrchestration.LocalRuntime.Events;

/// <summary>
/// One target of a rule and how it shapes what the target receives: the whole event, a constant <c>Input</c>, the part
/// at <c>InputPath</c>, or an <c>InputTransformer</c> (paths map plus template), as EventBridge does.
/// </summary>
public sealed partial record RuleTarget(string Id, string Arn, string? Input, string? InputPath, JsonObject? InputPathsMap, string? InputTemplate)
{
    public static RuleTarget FromProperties(JsonObject target) => new(
        target["Id"]?.GetValue<string>() ?? "Target0",
        target["Arn"]!.GetValue<string>(),
        target["Input"]?.GetValue<string>(),
        target["InputPath"]?.GetValue<string>(),
        target["InputTransformer"]?["InputPathsMap"]?.AsObject(),
        target["InputTransformer"]?["InputTemplate"]?.GetValue<string>());

    /// <summary>The text delivered to the target for <paramref name="evt"/> matched by <paramref name="rule"/>.</summary>
    public string Render(JsonObject evt, EventRule rule)
    {
        if (Input is not null) return Input;
        if (InputPath is not null) return JsonPathQuery.SelectDefinite(evt, InputPath)?.ToJsonString() ?? "null";
        if (InputTemplate is null) return evt.ToJsonString();

        var values = new Dictionary<string, JsonNode?>
        {
            ["aws.events.event"] = evt,
            ["aws.events.event.json"] = evt,
            ["aws.events.rule-name"] = rule.Name,
            ["aws.events.rule-arn"] = rule.Arn,
            ["aws.events.event.ingestion-time"] = evt["time"]?.DeepClone(),
        };
        foreach (var (name, path) in InputPathsMap ?? []) values[name] = JsonPathQuery.SelectDefinite(evt, path!.GetValue<string>());
        return Placeholder().Replace(InputTemplate, match =>
        {
            var name = match.Groups[1].Value;
            if (!values.TryGetValue(name, out var value)) return match.Value;
            var quoted = IsInsideString(InputTemplate, match.Index);
            if (value is JsonValue v && v.GetValueKind() == JsonValueKind.String)
            {
                var text = v.GetValue<string>();
                return quoted ? JsonEncodedText.Encode(text).ToString() : JsonSerializer.Serialize(text);
            }
            return value?.ToJsonString() ?? "null";
        });
    }

    private static bool IsInsideString(string template, int index)
    {
        var inside = false;
        for (var i = 0; i < index; i++)
        {
            if (template[i] == '\\') { i++; continue; }
            if (template[i] == '"') inside = !inside;
        }
        return inside;
    }

    [GeneratedRegex("<([A-Za-z0-9_.\\-]+)>")]
    private static partial Regex Placeholder();
}
