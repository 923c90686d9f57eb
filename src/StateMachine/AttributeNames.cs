using System.Text.RegularExpressions;

namespace TrainingOrchestration.StateMachine;

/// <summary>
/// DynamoDB rejects expressions that use one of its several hundred reserved words (<c>status</c>, <c>metrics</c>,
/// <c>source</c>...) as an attribute name. Every expression of the workflows therefore writes names as
/// <c>#name</c>, and the ExpressionAttributeNames map is derived from the expressions so it never lists an unused name
/// (which DynamoDB rejects too).
/// </summary>
public static partial class AttributeNames
{
    public static Dictionary<string, string> In(params string?[] expressions) =>
        expressions.Where(e => e is not null)
            .SelectMany(e => Placeholder().Matches(e!).Select(m => m.Groups[1].Value))
            .Distinct(StringComparer.Ordinal)
            .ToDictionary(name => "#" + name, name => name, StringComparer.Ordinal);

    [GeneratedRegex(@"#(\w+)")]
    private static partial Regex Placeholder();
}
