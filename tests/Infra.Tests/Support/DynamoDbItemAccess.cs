using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace TrainingOrchestration.Infra.Tests.Support;

/// <summary>
/// Whether a role's statements allow one DynamoDB item request, evaluated as IAM does for an identity policy
/// (https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_evaluation-logic.html): an explicit Deny wins,
/// else some Allow must match the action (wildcards <c>*</c> and <c>?</c>), the table's ARN and every condition. The
/// request context of a single-item request has one <c>dynamodb:LeadingKeys</c> value, its partition key
/// (https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/specifying-conditions.html). A condition this
/// evaluator does not know fails the test instead of being guessed.
/// </summary>
public sealed class DynamoDbItemAccess(IReadOnlyList<PolicyStatements.Statement> statements, string tableLogicalId)
{
    private const string TableArn = "arn:${AWS::Partition}:dynamodb:${AWS::Region}:${AWS::AccountId}:table/";

    /// <summary>The statements of the policies whose logical id contains <paramref name="roleName"/> (CDK names a role's default policy after it).</summary>
    public static DynamoDbItemAccess Of(SynthesizedPipelines synthesized, string pipeline, string roleName) => new(
        PolicyStatements.Of(synthesized, pipeline).Where(s => s.Owner.Contains(roleName, StringComparison.Ordinal)).ToList(),
        Assert.Single(synthesized.Resources(pipeline, "AWS::DynamoDB::Table")).LogicalId);

    public IReadOnlyList<PolicyStatements.Statement> Statements => statements;

    public bool Allows(string action, string partitionKey)
    {
        var matching = statements.Where(s => s.Actions.Any(a => Like(a, action, ignoreCase: true)) && s.Resources.Any(OnTable) && ConditionHolds(s.Condition, partitionKey)).ToList();
        return matching.All(s => s.Effect != "Deny") && matching.Any(s => s.Effect == "Allow");
    }

    private bool OnTable(JsonNode? resource) => Like(Render(resource), TableArn + "${" + tableLogicalId + "}");

    /// <summary>The resource as the ARN CloudFormation would make of it, references kept as <c>${Id}</c>.</summary>
    private string Render(JsonNode? node) => node switch
    {
        JsonValue value => value.GetValue<string>(),
        JsonObject o when o["Ref"] is { } reference => "${" + reference.GetValue<string>() + "}",
        JsonObject o when o["Fn::GetAtt"] is JsonArray { Count: 2 } a && a[1]!.GetValue<string>() == "Arn" && a[0]!.GetValue<string>() == tableLogicalId =>
            TableArn + "${" + tableLogicalId + "}",
        JsonObject o when o["Fn::Join"] is JsonArray { Count: 2 } join => string.Join(join[0]!.GetValue<string>(), join[1]!.AsArray().Select(Render)),
        _ => "unresolved:" + node?.ToJsonString(),
    };

    private static bool ConditionHolds(JsonNode? condition, string partitionKey)
    {
        if (condition is null) return true;
        foreach (var (op, keys) in condition.AsObject())
        {
            foreach (var (key, values) in keys!.AsObject())
            {
                Assert.True(key == "dynamodb:LeadingKeys", $"condition key {key} is not evaluated here");
                var allowed = (values as JsonArray ?? [values!.DeepClone()]).Select(v => v!.GetValue<string>()).ToList();
                var holds = op switch
                {
                    // One request value, so ForAllValues and ForAnyValue agree.
                    "ForAllValues:StringEquals" or "ForAnyValue:StringEquals" or "StringEquals" => allowed.Contains(partitionKey, StringComparer.Ordinal),
                    "ForAllValues:StringLike" or "ForAnyValue:StringLike" or "StringLike" => allowed.Any(a => Like(a, partitionKey)),
                    _ => throw new InvalidOperationException($"condition operator {op} is not evaluated here"),
                };
                if (!holds) return false;
            }
        }
        return true;
    }

    /// <summary>IAM's wildcard match; action names ignore case, ARNs and condition values do not.</summary>
    private static bool Like(string pattern, string value, bool ignoreCase = false) =>
        Regex.IsMatch(value, "^" + Regex.Escape(pattern).Replace(@"\*", ".*").Replace(@"\?", ".") + "$",
            RegexOptions.Singleline | (ignoreCase ? RegexOptions.IgnoreCase : RegexOptions.None));
}
