using System.Text.Json;
using System.Text.Json.Nodes;
using TrainingOrchestration.Asl.Json;
using TrainingOrchestration.Asl.Paths;

namespace TrainingOrchestration.Asl.Definition;

/// <summary>Parses and validates one Choice rule, naming the rule's position on error.</summary>
internal static class ChoiceRuleParser
{
    private static readonly Dictionary<string, JsonValueKind?> Operators = new()
    {
        ["StringEquals"] = JsonValueKind.String, ["StringLessThan"] = JsonValueKind.String, ["StringGreaterThan"] = JsonValueKind.String,
        ["StringLessThanEquals"] = JsonValueKind.String, ["StringGreaterThanEquals"] = JsonValueKind.String, ["StringMatches"] = JsonValueKind.String,
        ["NumericEquals"] = JsonValueKind.Number, ["NumericLessThan"] = JsonValueKind.Number, ["NumericGreaterThan"] = JsonValueKind.Number,
        ["NumericLessThanEquals"] = JsonValueKind.Number, ["NumericGreaterThanEquals"] = JsonValueKind.Number,
        ["BooleanEquals"] = JsonValueKind.True,
        ["TimestampEquals"] = JsonValueKind.String, ["TimestampLessThan"] = JsonValueKind.String, ["TimestampGreaterThan"] = JsonValueKind.String,
        ["TimestampLessThanEquals"] = JsonValueKind.String, ["TimestampGreaterThanEquals"] = JsonValueKind.String,
        ["IsNull"] = JsonValueKind.True, ["IsPresent"] = JsonValueKind.True, ["IsNumeric"] = JsonValueKind.True,
        ["IsString"] = JsonValueKind.True, ["IsBoolean"] = JsonValueKind.True, ["IsTimestamp"] = JsonValueKind.True,
    };

    private static readonly HashSet<string> WithPath =
    [
        "StringEquals", "StringLessThan", "StringGreaterThan", "StringLessThanEquals", "StringGreaterThanEquals",
        "NumericEquals", "NumericLessThan", "NumericGreaterThan", "NumericLessThanEquals", "NumericGreaterThanEquals",
        "BooleanEquals", "TimestampEquals", "TimestampLessThan", "TimestampGreaterThan", "TimestampLessThanEquals", "TimestampGreaterThanEquals",
    ];

    public static ChoiceRule Parse(JsonObject rule, string state, string where, bool topLevel)
    {
        foreach (var (key, _) in rule)
        {
            if (key is "Next" or "Assign" && topLevel) continue;
            if (key is "Comment" or "Variable" or "And" or "Or" or "Not") continue;
            if (Operators.ContainsKey(key)) continue;
            if (key.EndsWith("Path", StringComparison.Ordinal) && WithPath.Contains(key[..^4])) continue;
            throw new AslDefinitionException(state, $"{where}.{key}", "is not a choice rule field or comparison operator.");
        }
        if (rule["And"] is { } and) return new ChoiceRule.And(List(and, state, $"{where}.And"));
        if (rule["Or"] is { } or) return new ChoiceRule.Or(List(or, state, $"{where}.Or"));
        if (rule["Not"] is { } not)
        {
            if (not is not JsonObject notObj) throw new AslDefinitionException(state, $"{where}.Not", "must be a choice rule object.");
            return new ChoiceRule.Not(Parse(notObj, state, $"{where}.Not", topLevel: false));
        }
        var variableText = JsonKit.AsString(rule["Variable"]) ?? throw new AslDefinitionException(state, $"{where}.Variable", "is required and must be a JSONPath string.");
        if (!JsonPath.TryParse(variableText, out var variable, out var error)) throw new AslDefinitionException(state, $"{where}.Variable", error!);
        var operators = rule.Where(p => p.Key is not ("Next" or "Assign" or "Comment" or "Variable")).ToList();
        if (operators.Count != 1)
            throw new AslDefinitionException(state, where, $"a comparison needs exactly one operator, found {operators.Count}.");
        var (op, value) = operators[0];
        if (op.EndsWith("Path", StringComparison.Ordinal) && WithPath.Contains(op[..^4]))
        {
            var pathText = JsonKit.AsString(value) ?? throw new AslDefinitionException(state, $"{where}.{op}", "must be a JSONPath string.");
            if (!JsonPath.TryParse(pathText, out var valuePath, out var pathError)) throw new AslDefinitionException(state, $"{where}.{op}", pathError!);
            return new ChoiceRule.Comparison(variable!, op[..^4], null, valuePath);
        }
        var expected = Operators[op];
        var kind = JsonKit.Kind(value);
        var ok = expected switch
        {
            JsonValueKind.True => kind is JsonValueKind.True or JsonValueKind.False,
            _ => kind == expected,
        };
        if (!ok) throw new AslDefinitionException(state, $"{where}.{op}", $"must be a {Describe(expected)} value.");
        return new ChoiceRule.Comparison(variable!, op, value, null);
    }

    private static string Describe(JsonValueKind? kind) => kind switch
    {
        JsonValueKind.String => "string",
        JsonValueKind.Number => "number",
        _ => "boolean",
    };

    private static List<ChoiceRule> List(JsonNode node, string state, string where)
    {
        if (node is not JsonArray array || array.Count == 0) throw new AslDefinitionException(state, where, "must be a non-empty array of choice rules.");
        return array.Select((r, i) => r is JsonObject o
            ? Parse(o, state, $"{where}[{i}]", topLevel: false)
            : throw new AslDefinitionException(state, $"{where}[{i}]", "must be a choice rule object.")).ToList();
    }
}
