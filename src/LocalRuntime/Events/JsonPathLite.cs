using System.Text.Json.Nodes;

namespace TrainingOrchestration.LocalRuntime.Events;

/// <summary>The JSONPath subset EventBridge allows in InputPath and InputPathsMap: <c>$</c>, <c>$.a.b</c>, <c>$.a[0]</c>, <c>$['a-b']</c>.</summary>
internal static class JsonPathLite
{
    public static JsonNode? Select(JsonNode? root, string path)
    {
        if (!path.StartsWith('$')) throw new FormatException($"'{path}' is not a JSONPath (it must start with $).");
        var node = root;
        var i = 1;
        while (i < path.Length && node is not null)
        {
            if (path[i] == '.')
            {
                var end = i + 1;
                while (end < path.Length && path[end] is not ('.' or '[')) end++;
                node = node is JsonObject obj ? obj[path[(i + 1)..end]] : null;
                i = end;
            }
            else if (path[i] == '[')
            {
                var end = path.IndexOf(']', i);
                var inner = path[(i + 1)..end].Trim();
                node = inner.StartsWith('\'') ? (node as JsonObject)?[inner.Trim('\'')]
                    : node is JsonArray array && int.TryParse(inner, out var index) && index < array.Count ? array[index] : null;
                i = end + 1;
            }
            else
            {
                throw new FormatException($"Unexpected '{path[i]}' at position {i} of JSONPath '{path}'.");
            }
        }
        return node;
    }
}
