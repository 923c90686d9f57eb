using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using TrainingOrchestration.Infra.Tests.Support;

namespace TrainingOrchestration.StateMachine.Tests;

/// <summary>
/// DynamoDB rejects an expression that uses a reserved word as a bare name, and a request that defines a name or a
/// value its expressions do not use; every updateItem of every workflow is checked for both.
/// </summary>
[Collection(SynthesisCollection.Name)]
public partial class DynamoExpressionTests(SynthesizedPipelines synthesized)
{
    public static IEnumerable<object[]> Machines => new[] { "fraud-training", "fraud-trigger", "fraud-callback" }.Select(m => new object[] { m });

    [Theory]
    [MemberData(nameof(Machines))]
    public void Expression_names_and_values_are_exactly_those_the_expressions_use(string machine)
    {
        var updates = Definition.Of(synthesized, SynthesizedPipelines.Critical, machine).Tasks
            .Where(t => t.State["Resource"]!.GetValue<string>().EndsWith(":dynamodb:updateItem", StringComparison.Ordinal))
            .ToList();

        Assert.NotEmpty(updates);
        foreach (var (name, task) in updates)
        {
            var parameters = task["Parameters"]!;
            var expressions = string.Join(' ', new[] { "UpdateExpression", "ConditionExpression" }
                .Select(k => parameters[k]?.GetValue<string>() ?? ""));
            Assert.Equal(Used(NamePattern(), expressions), Defined(parameters["ExpressionAttributeNames"]));
            Assert.Equal(Used(ValuePattern(), expressions), Defined(parameters["ExpressionAttributeValues"]));
            Assert.DoesNotMatch(BareAttribute(), expressions.Replace("if_not_exists", "").Replace("attribute_not_exists", ""));
            _ = name;
        }
    }

    private static SortedSet<string> Used(Regex pattern, string text) =>
        new(pattern.Matches(text).Select(m => m.Value), StringComparer.Ordinal);

    private static SortedSet<string> Defined(JsonNode? map) =>
        new(map?.AsObject().Select(p => p.Key.Replace(".$", "")) ?? [], StringComparer.Ordinal);

    [GeneratedRegex(@"#\w+")]
    private static partial Regex NamePattern();

    [GeneratedRegex(@":\w+")]
    private static partial Regex ValuePattern();

    /// <summary>An identifier that is neither #name, :value, a keyword nor a function: a bare attribute name.</summary>
    [GeneratedRegex(@"(?<![#:\w])(?!SET\b|REMOVE\b|ADD\b|DELETE\b|OR\b|AND\b|NOT\b)[A-Za-z_]\w*(?!\w|\()")]
    private static partial Regex BareAttribute();
}
