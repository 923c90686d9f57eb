using System.Text.Json.Nodes;

namespace TrainingOrchestration.Asl.Jsonata;

/// <summary>A JSONata result: a JSON value (null included) or "undefined" (nothing matched).</summary>
internal readonly record struct JsonataValue(JsonNode? Node, bool Defined)
{
    public static readonly JsonataValue Undefined = new(null, false);

    public static JsonataValue Of(JsonNode? node) => new(node, true);
}
