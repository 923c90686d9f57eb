using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using TrainingOrchestration.Asl.Json;

namespace TrainingOrchestration.Asl.Paths;

/// <summary>A JSONPath filter <c>?(@.price &lt; 10 &amp;&amp; @.tag)</c> as Jayway JsonPath evaluates it.</summary>
internal abstract record FilterExpression
{
    public abstract bool Test(JsonNode? current, JsonNode? root);

    internal sealed record And(FilterExpression Left, FilterExpression Right) : FilterExpression
    {
        public override bool Test(JsonNode? current, JsonNode? root) => Left.Test(current, root) && Right.Test(current, root);
    }

    internal sealed record Or(FilterExpression Left, FilterExpression Right) : FilterExpression
    {
        public override bool Test(JsonNode? current, JsonNode? root) => Left.Test(current, root) || Right.Test(current, root);
    }

    internal sealed record Not(FilterExpression Inner) : FilterExpression
    {
        public override bool Test(JsonNode? current, JsonNode? root) => !Inner.Test(current, root);
    }

    /// <summary>A bare operand: true when a path exists (or a literal is truthy).</summary>
    internal sealed record Exists(FilterOperand Operand) : FilterExpression
    {
        public override bool Test(JsonNode? current, JsonNode? root) => Operand.Resolve(current, root, out var value) &&
            !(JsonKit.Kind(value) == System.Text.Json.JsonValueKind.False);
    }

    internal sealed record Compare(FilterOperand Left, string Operator, FilterOperand Right) : FilterExpression
    {
        public override bool Test(JsonNode? current, JsonNode? root)
        {
            if (!Left.Resolve(current, root, out var left) || !Right.Resolve(current, root, out var right)) return false;
            switch (Operator)
            {
                case "==": return JsonKit.DeepEquals(left, right);
                case "!=": return !JsonKit.DeepEquals(left, right);
                case "=~":
                    return JsonKit.IsString(left) && JsonKit.IsString(right) &&
                        RegexLiteral(right!.GetValue<string>()).IsMatch(left!.GetValue<string>());
                case "in": return right is JsonArray inArray && inArray.Any(x => JsonKit.DeepEquals(x, left));
                case "nin": return right is JsonArray ninArray && !ninArray.Any(x => JsonKit.DeepEquals(x, left));
            }
            int order;
            if (JsonKit.IsNumber(left) && JsonKit.IsNumber(right)) order = JsonKit.CompareNumbers(left!, right!);
            else if (JsonKit.IsString(left) && JsonKit.IsString(right)) order = string.CompareOrdinal(left!.GetValue<string>(), right!.GetValue<string>());
            else return false;
            return Operator switch
            {
                "<" => order < 0,
                "<=" => order <= 0,
                ">" => order > 0,
                ">=" => order >= 0,
                _ => false,
            };
        }

        private static Regex RegexLiteral(string literal)
        {
            var options = RegexOptions.None;
            if (literal.StartsWith('/'))
            {
                var end = literal.LastIndexOf('/');
                if (literal[(end + 1)..].Contains('i')) options |= RegexOptions.IgnoreCase;
                literal = literal[1..end];
            }
            return new Regex($"^(?:{literal})$", options);
        }
    }
}
