using System.Text.Json.Nodes;
using TrainingOrchestration.Asl.Paths;

namespace TrainingOrchestration.Asl.Runtime;

/// <summary>Where <c>$$</c> and <c>$name</c> come from: the state being run (<see cref="StateRun"/>).</summary>
internal interface IPathRoots
{
    /// <summary>The context object (<c>$$</c>), built when a path asks for it.</summary>
    JsonNode BuildContext();

    VariableScope Variables { get; }
}

/// <summary>
/// What the roots of a path mean at one point of a state: <c>$</c>, <c>$$</c> and <c>$name</c>. A struct: a state asks
/// for one per value it reads paths from (its input, its result), and each was an object per visit.
/// </summary>
internal readonly struct ValueSource(JsonNode? input, IPathRoots roots)
{
    public JsonNode? Input => input;

    public VariableScope Variables => roots.Variables;

    public ValueSource WithInput(JsonNode? newInput) => new(newInput, roots);

    /// <summary>Selects the value; indefinite paths yield a fresh array of copies, definite ones the node itself.</summary>
    public bool TryResolve(JsonPath path, out JsonNode? value)
    {
        JsonNode? start;
        switch (path.Root)
        {
            case PathRoot.Context:
                start = roots.BuildContext();
                break;
            case PathRoot.Variable:
                if (!roots.Variables.TryGet(path.Variable!, out start))
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
        if (path.IsDefinite) return TryWalk(start, path.Segments, out value);
        var matches = JsonPathEvaluator.Select(start, path.Segments, start);
        if (path.IsDefinite)
        {
            value = matches.Count > 0 ? matches[0] : null;
            return matches.Count > 0;
        }
        value = new JsonArray(matches.Select(m => m?.DeepClone()).ToArray());
        return true;
    }

    /// <summary>A definite path (one name or index per step, or <c>.length()</c>) walked without collecting matches.</summary>
    private static bool TryWalk(JsonNode? node, IReadOnlyList<PathSegment> segments, out JsonNode? value)
    {
        for (var i = 0; i < segments.Count; i++)
        {
            var segment = segments[i];
            switch (segment.Kind)
            {
                case SegmentKind.Names when node is JsonObject obj && obj.TryGetPropertyValue(segment.Names![0], out var child):
                    node = child;
                    break;
                case SegmentKind.Indexes when node is JsonArray array:
                    var index = segment.Indexes![0] < 0 ? array.Count + segment.Indexes[0] : segment.Indexes[0];
                    if (index < 0 || index >= array.Count) goto default;
                    node = array[index];
                    break;
                case SegmentKind.Length:
                    var matches = JsonPathEvaluator.Select(node, [segment], node);
                    if (matches.Count == 0) goto default;
                    node = matches[0];
                    break;
                default:
                    value = null;
                    return false;
            }
        }
        value = node;
        return true;
    }
}
