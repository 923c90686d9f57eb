using System.Text.Json.Nodes;

namespace TrainingOrchestration.Asl.Paths;

/// <summary>Selects the nodes a path matches (references into the document, JSON nulls included as null).</summary>
internal static class JsonPathEvaluator
{
    public static List<JsonNode?> Select(JsonNode? start, IReadOnlyList<PathSegment> segments, JsonNode? root)
    {
        var current = new List<JsonNode?> { start };
        foreach (var segment in segments)
        {
            var next = new List<JsonNode?>();
            foreach (var node in current) Apply(node, segment, root, next);
            current = next;
            if (current.Count == 0) break;
        }
        return current;
    }

    private static void Apply(JsonNode? node, PathSegment segment, JsonNode? root, List<JsonNode?> output)
    {
        switch (segment.Kind)
        {
            case SegmentKind.Names:
                if (node is JsonObject obj)
                {
                    foreach (var name in segment.Names!)
                    {
                        if (obj.TryGetPropertyValue(name, out var value)) output.Add(value);
                    }
                }
                break;
            case SegmentKind.Indexes:
                if (node is JsonArray arr)
                {
                    foreach (var index in segment.Indexes!)
                    {
                        var i = index < 0 ? arr.Count + index : index;
                        if (i >= 0 && i < arr.Count) output.Add(arr[i]);
                    }
                }
                break;
            case SegmentKind.Wildcard:
                if (node is JsonObject wo) output.AddRange(wo.Select(p => p.Value));
                else if (node is JsonArray wa) output.AddRange(wa);
                break;
            case SegmentKind.Slice:
                if (node is JsonArray sa)
                {
                    var count = sa.Count;
                    var step = segment.SliceStep == 0 ? 1 : segment.SliceStep;
                    var from = Normalize(segment.SliceStart ?? 0, count);
                    var to = segment.SliceEnd is null ? count : Normalize(segment.SliceEnd.Value, count);
                    for (var i = from; i < to; i += step) output.Add(sa[i]);
                }
                break;
            case SegmentKind.Filter:
                IEnumerable<JsonNode?> candidates = node switch
                {
                    JsonArray fa => fa,
                    JsonObject fo => fo.Select(p => p.Value),
                    _ => [],
                };
                foreach (var candidate in candidates)
                {
                    if (segment.Filter!.Test(candidate, root)) output.Add(candidate);
                }
                break;
            case SegmentKind.DeepScan:
                DeepScan(node, segment.Inner!, root, output);
                break;
            case SegmentKind.Length:
                if (node is JsonArray la) output.Add(JsonValue.Create(la.Count));
                else if (node is JsonObject lo) output.Add(JsonValue.Create(lo.Count));
                else if (node is JsonValue lv && lv.TryGetValue<string>(out var s)) output.Add(JsonValue.Create(s.Length));
                break;
        }
    }

    private static void DeepScan(JsonNode? node, PathSegment inner, JsonNode? root, List<JsonNode?> output)
    {
        Apply(node, inner, root, output);
        if (node is JsonObject o)
        {
            foreach (var (_, child) in o) DeepScan(child, inner, root, output);
        }
        else if (node is JsonArray a)
        {
            foreach (var child in a) DeepScan(child, inner, root, output);
        }
    }

    private static int Normalize(int index, int count)
    {
        if (index < 0) index += count;
        return Math.Clamp(index, 0, count);
    }
}
