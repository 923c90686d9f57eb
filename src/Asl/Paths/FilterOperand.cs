using System.Text.Json.Nodes;

namespace TrainingOrchestration.Asl.Paths;

/// <summary>A side of a filter comparison: a literal, or a path from <c>@</c> (current item) or <c>$</c> (root).</summary>
internal sealed record FilterOperand(JsonNode? Literal, bool FromCurrent, IReadOnlyList<PathSegment>? Segments)
{
    public bool Resolve(JsonNode? current, JsonNode? root, out JsonNode? value)
    {
        if (Segments is null)
        {
            value = Literal;
            return true;
        }
        var matches = JsonPathEvaluator.Select(FromCurrent ? current : root, Segments, root);
        if (matches.Count == 0)
        {
            value = null;
            return false;
        }
        var definite = Segments.All(s => s.IsDefinite);
        value = definite ? matches[0] : new JsonArray(matches.Select(m => m?.DeepClone()).ToArray());
        return true;
    }
}
