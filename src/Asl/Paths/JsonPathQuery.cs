using System.Text.Json.Nodes;

namespace TrainingOrchestration.Asl.Paths;

/// <summary>
/// The engine's JSONPath for callers outside it, such as the local EventBridge's <c>InputPath</c> and
/// <c>InputTransformer</c> (EventBridge accepts definite paths there: <c>$.detail.a</c>, <c>$.a[0]</c>, <c>$['a-b']</c>;
/// https://docs.aws.amazon.com/eventbridge/latest/userguide/eb-transform-target-input.html). One implementation, so the
/// bus and the state machines read a path the same way.
/// </summary>
public static class JsonPathQuery
{
    /// <summary>
    /// The value <paramref name="path"/> (rooted at <c>$</c>, definite) selects in <paramref name="document"/>, or null
    /// when nothing is there. A malformed, indefinite or non-<c>$</c> path is a <see cref="FormatException"/> naming it.
    /// </summary>
    public static JsonNode? SelectDefinite(JsonNode? document, string path)
    {
        var parsed = JsonPath.Parse(path);
        if (parsed.Root != PathRoot.Input) throw new FormatException($"'{path}' must start with $ (the event), not $$ or a variable.");
        if (!parsed.IsDefinite) throw new FormatException($"'{path}' selects several values; only a definite path (no wildcard, filter, slice or ..) is allowed here.");
        var matches = JsonPathEvaluator.Select(document, parsed.Segments, document);
        return matches.Count == 0 ? null : matches[0];
    }
}
