using System.Text.Json.Nodes;
using TrainingOrchestration.Asl.Paths;

namespace TrainingOrchestration.Asl.Definition;

/// <summary>A Choice rule: a boolean combination (And/Or/Not) or one comparison of a Variable.</summary>
internal abstract record ChoiceRule
{
    internal sealed record And(IReadOnlyList<ChoiceRule> Rules) : ChoiceRule;

    internal sealed record Or(IReadOnlyList<ChoiceRule> Rules) : ChoiceRule;

    internal sealed record Not(ChoiceRule Rule) : ChoiceRule;

    /// <summary><paramref name="Operator"/> without its Path suffix; <paramref name="ValuePath"/> set for the Path variants.</summary>
    internal sealed record Comparison(JsonPath Variable, string Operator, JsonNode? Value, JsonPath? ValuePath) : ChoiceRule;
}
