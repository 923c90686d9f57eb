namespace TrainingOrchestration.Asl.Paths;

/// <summary>
/// A parsed JSONPath (Jayway dialect, as Step Functions uses): <c>$</c> is the input, <c>$$</c> the context
/// object, <c>$name</c> a workflow variable. Indefinite paths (wildcards, slices, filters, deep scans, unions)
/// select an array of matches; definite ones a single value.
/// </summary>
internal sealed record JsonPath(string Text, PathRoot Root, string? Variable, IReadOnlyList<PathSegment> Segments)
{
    /// <summary>Computed once: paths are cached and resolved on every state visit.</summary>
    public bool IsDefinite { get; } = Segments.All(s => s.IsDefinite);

    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, JsonPath> Cache = new(StringComparer.Ordinal);

    /// <summary>Parses (once per distinct text: definitions reuse the same paths on every state visit).</summary>
    public static JsonPath Parse(string text)
    {
        if (Cache.TryGetValue(text, out var cached)) return cached;
        var path = JsonPathParser.Parse(text);
        if (Cache.Count < 100_000) Cache[text] = path;
        return path;
    }

    public static bool TryParse(string text, out JsonPath? path, out string? error)
    {
        try
        {
            path = JsonPathParser.Parse(text);
            error = null;
            return true;
        }
        catch (FormatException e)
        {
            path = null;
            error = e.Message;
            return false;
        }
    }

    /// <summary>Jayway's normalized form of a definite path: <c>$['a']['b'][0]</c>.</summary>
    public string Normalized()
    {
        var sb = new System.Text.StringBuilder(Root switch { PathRoot.Context => "$$", PathRoot.Variable => "$" + Variable, _ => "$" });
        foreach (var s in Segments)
        {
            switch (s.Kind)
            {
                case SegmentKind.Names: sb.Append('[').Append(string.Join(",", s.Names!.Select(n => $"'{n}'"))).Append(']'); break;
                case SegmentKind.Indexes: sb.Append('[').Append(string.Join(",", s.Indexes!)).Append(']'); break;
                case SegmentKind.Wildcard: sb.Append("[*]"); break;
                default: sb.Append("[?]"); break;
            }
        }
        return sb.ToString();
    }
}
