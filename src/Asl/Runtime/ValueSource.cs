using System.Text.Json.Nodes;
using TrainingOrchestration.Asl.Paths;

namespace TrainingOrchestration.Asl.Runtime;

/// <summary>What the roots of a path mean at one point of a state: <c>$</c>, <c>$$</c> and <c>$name</c>.</summary>
internal sealed class ValueSource(JsonNode? input, Func<JsonNode> context, VariableScope variables)
{
    public JsonNode? Input => input;

    public VariableScope Variables => variables;

    public ValueSource WithInput(JsonNode? newInput) => new(newInput, context, variables);

    /// <summary>Selects the value; indefinite paths yield a fresh array of copies, definite ones the node itself.</summary>
    public bool TryResolve(JsonPath path, out JsonNode? value)
    {
        JsonNode? start;
        switch (path.Root)
        {
            case PathRoot.Context:
                start = context();
                break;
            case PathRoot.Variable:
                if (!variables.TryGet(path.Variable!, out start))
                {
                    value = null;
                    return false;
                }
                break;
            default:
                start = input;
                break;
        }
        if (path.Segments.Count == 0)
        {
            value = start;
            return true;
        }
        var matches = JsonPathEvaluator.Select(start, path.Segments, start);
        if (path.IsDefinite)
        {
            value = matches.Count > 0 ? matches[0] : null;
            return matches.Count > 0;
        }
        value = new JsonArray(matches.Select(m => m?.DeepClone()).ToArray());
        return true;
    }
}
