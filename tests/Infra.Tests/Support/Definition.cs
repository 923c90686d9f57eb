using System.Text;
using System.Text.Json.Nodes;

namespace TrainingOrchestration.Infra.Tests.Support;

/// <summary>
/// A state machine's definition read back from the template: the DefinitionString's <c>Fn::Join</c> is resolved to
/// text, with references written as <c>${LogicalId}</c> and attributes as <c>${LogicalId.Attr}</c>, then parsed.
/// </summary>
public sealed class Definition(JsonObject root)
{
    public JsonObject Root { get; } = root;

    public JsonObject States => Root["States"]!.AsObject();

    public JsonObject State(string name) =>
        States[name]?.AsObject() ?? throw new Xunit.Sdk.XunitException($"State '{name}' is missing; states: {string.Join(", ", States.Select(s => s.Key))}");

    public IEnumerable<(string Name, JsonObject State)> Tasks =>
        States.Where(s => s.Value!["Type"]!.GetValue<string>() == "Task").Select(s => (s.Key, s.Value!.AsObject()));

    public static Definition Of(SynthesizedPipelines synthesized, string pipeline, string machineName)
    {
        var machine = synthesized.Resources(pipeline, "AWS::StepFunctions::StateMachine")
            .Single(m => m.Resource["Properties"]!["StateMachineName"]!.GetValue<string>() == machineName);
        return new Definition(JsonNode.Parse(Text(machine.Resource["Properties"]!["DefinitionString"]!))!.AsObject());
    }

    /// <summary>Renders a CloudFormation string value (literal, Ref, GetAtt, Join, Sub, FindInMap) as text.</summary>
    public static string Text(JsonNode node)
    {
        if (node is JsonValue value)
        {
            return value.GetValue<string>();
        }

        var obj = node.AsObject();
        if (obj["Fn::Join"] is JsonArray join)
        {
            var builder = new StringBuilder();
            foreach (var part in join[1]!.AsArray())
            {
                builder.Append(Text(part!));
            }

            return builder.ToString();
        }

        if (obj["Ref"] is { } reference)
        {
            return "${" + reference.GetValue<string>() + "}";
        }

        if (obj["Fn::GetAtt"] is JsonArray getAtt)
        {
            return "${" + string.Join('.', getAtt.Select(p => p!.GetValue<string>())) + "}";
        }

        if (obj["Fn::Sub"] is { } sub)
        {
            return sub.GetValue<string>();
        }

        if (obj["Fn::FindInMap"] is JsonArray map)
        {
            return "${Map:" + map[0]!.GetValue<string>() + "}";
        }

        throw new NotSupportedException($"Cannot render {node.ToJsonString()} as text.");
    }
}
