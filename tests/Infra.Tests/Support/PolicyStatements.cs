using System.Text.Json.Nodes;

namespace TrainingOrchestration.Infra.Tests.Support;

/// <summary>Every IAM statement of a template (identity policies and inline role policies), with its owner.</summary>
public static class PolicyStatements
{
    public sealed record Statement(string Owner, IReadOnlyList<string> Actions, IReadOnlyList<JsonNode?> Resources, JsonNode? Condition, string Effect = "Allow");

    public static IEnumerable<Statement> Of(SynthesizedPipelines synthesized, string pipeline)
    {
        foreach (var (id, policy) in synthesized.Resources(pipeline, "AWS::IAM::Policy"))
        {
            foreach (var statement in Read(id, policy["Properties"]!["PolicyDocument"]!))
            {
                yield return statement;
            }
        }

        foreach (var (id, role) in synthesized.Resources(pipeline, "AWS::IAM::Role"))
        {
            foreach (var inline in role["Properties"]!["Policies"]?.AsArray() ?? [])
            {
                foreach (var statement in Read(id, inline!["PolicyDocument"]!))
                {
                    yield return statement;
                }
            }
        }
    }

    private static IEnumerable<Statement> Read(string owner, JsonNode document) =>
        document["Statement"]!.AsArray().Select(s => new Statement(
            owner,
            List(s!["Action"]!).Select(a => a!.GetValue<string>()).ToList(),
            List(s["Resource"]!),
            s["Condition"],
            s["Effect"]?.GetValue<string>() ?? "Allow"));

    private static IReadOnlyList<JsonNode?> List(JsonNode node) => node is JsonArray array ? array.ToList() : [node];

    public static bool IsWildcard(JsonNode? resource) => resource is JsonValue value && value.GetValue<string>() == "*";
}
