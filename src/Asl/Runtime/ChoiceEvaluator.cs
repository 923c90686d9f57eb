using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using TrainingOrchestration.Asl.Definition;
using TrainingOrchestration.Asl.Json;

namespace TrainingOrchestration.Asl.Runtime;

/// <summary>
/// Evaluates Choice rules: a comparison against a value of the wrong type is simply false, as on AWS; a comparison
/// whose Variable (or *Path operand) selects nothing fails the state with States.Runtime, as on AWS
/// ("Invalid path '$.x': The choice state's condition path references an invalid value."), except IsPresent.
/// </summary>
internal static class ChoiceEvaluator
{
    public static bool Evaluate(ChoiceRule rule, ValueSource source, StatePrefix errorPrefix) => rule switch
    {
        ChoiceRule.And and => and.Rules.All(r => Evaluate(r, source, errorPrefix)),
        ChoiceRule.Or or => or.Rules.Any(r => Evaluate(r, source, errorPrefix)),
        ChoiceRule.Not not => !Evaluate(not.Rule, source, errorPrefix),
        ChoiceRule.Comparison c => Compare(c, source, errorPrefix),
        _ => false,
    };

    private static bool Compare(ChoiceRule.Comparison c, ValueSource source, StatePrefix errorPrefix)
    {
        var present = source.TryResolve(c.Variable, out var variable);
        if (c.Operator == "IsPresent") return present == IsTrue(c.Value);
        if (!present) throw InvalidPath(c.Variable, errorPrefix);
        JsonNode? expected = c.Value;
        if (c.ValuePath is not null && !source.TryResolve(c.ValuePath, out expected)) throw InvalidPath(c.ValuePath, errorPrefix);
        switch (c.Operator)
        {
            case "IsNull": return (JsonKit.Kind(variable) == System.Text.Json.JsonValueKind.Null) == IsTrue(expected);
            case "IsNumeric": return JsonKit.IsNumber(variable) == IsTrue(expected);
            case "IsString": return JsonKit.IsString(variable) == IsTrue(expected);
            case "IsBoolean": return JsonKit.IsBool(variable) == IsTrue(expected);
            case "IsTimestamp": return (JsonKit.IsString(variable) && Timestamps.TryParse(variable!.GetValue<string>(), out _)) == IsTrue(expected);
            case "BooleanEquals": return JsonKit.IsBool(variable) && JsonKit.IsBool(expected) && IsTrue(variable) == IsTrue(expected);
            case "StringMatches":
                return JsonKit.IsString(variable) && JsonKit.IsString(expected) &&
                       Wildcard(expected!.GetValue<string>()).IsMatch(variable!.GetValue<string>());
        }
        if (c.Operator.StartsWith("String", StringComparison.Ordinal))
        {
            if (!JsonKit.IsString(variable) || !JsonKit.IsString(expected)) return false;
            return Order(c.Operator["String".Length..], string.CompareOrdinal(variable!.GetValue<string>(), expected!.GetValue<string>()));
        }
        if (c.Operator.StartsWith("Numeric", StringComparison.Ordinal))
        {
            if (!JsonKit.IsNumber(variable) || !JsonKit.IsNumber(expected)) return false;
            return Order(c.Operator["Numeric".Length..], JsonKit.CompareNumbers(variable!, expected!));
        }
        if (c.Operator.StartsWith("Timestamp", StringComparison.Ordinal))
        {
            if (!JsonKit.IsString(variable) || !JsonKit.IsString(expected)) return false;
            if (!Timestamps.TryParse(variable!.GetValue<string>(), out var left) || !Timestamps.TryParse(expected!.GetValue<string>(), out var right)) return false;
            return Order(c.Operator["Timestamp".Length..], left.CompareTo(right));
        }
        return false;
    }

    private static AslErrorException InvalidPath(Paths.JsonPath path, StatePrefix errorPrefix) => new(ErrorNames.Runtime,
        $"{errorPrefix.Text()}Invalid path '{path.Text}': The choice state's condition path references an invalid value.");

    private static bool Order(string relation, int order) => relation switch
    {
        "Equals" => order == 0,
        "LessThan" => order < 0,
        "GreaterThan" => order > 0,
        "LessThanEquals" => order <= 0,
        "GreaterThanEquals" => order >= 0,
        _ => false,
    };

    private static bool IsTrue(JsonNode? node) => JsonKit.Kind(node) == System.Text.Json.JsonValueKind.True;

    /// <summary>StringMatches patterns: <c>*</c> matches anything; <c>\*</c> and <c>\\</c> are literal.</summary>
    private static Regex Wildcard(string pattern)
    {
        var sb = new StringBuilder("^");
        for (var i = 0; i < pattern.Length; i++)
        {
            var ch = pattern[i];
            if (ch == '\\' && i + 1 < pattern.Length)
            {
                sb.Append(Regex.Escape(pattern[++i].ToString()));
            }
            else if (ch == '*')
            {
                sb.Append(".*");
            }
            else
            {
                sb.Append(Regex.Escape(ch.ToString()));
            }
        }
        return new Regex(sb.Append('$').ToString(), RegexOptions.Singleline);
    }
}
