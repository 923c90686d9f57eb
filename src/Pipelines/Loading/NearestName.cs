namespace TrainingOrchestration.Pipelines.Loading;

/// <summary>Suggests the known name closest to a misspelt one (Levenshtein distance), for "did you mean" hints.</summary>
internal static class NearestName
{
    public static string? Find(string given, IEnumerable<string> known)
    {
        var best = known
            .Select(k => (Name: k, Distance: Distance(given.ToLowerInvariant(), k.ToLowerInvariant())))
            .OrderBy(x => x.Distance)
            .FirstOrDefault();
        if (best.Name is null) return null;
        var tolerance = Math.Max(2, best.Name.Length / 3);
        return best.Distance <= tolerance ? best.Name : null;
    }

    /// <summary>"did you mean 'x'?" or the list of allowed names.</summary>
    public static string Hint(string given, IReadOnlyCollection<string> known)
    {
        var nearest = Find(given, known);
        return nearest is not null
            ? $"Did you mean '{nearest}'?"
            : $"Use one of: {string.Join(", ", known)}.";
    }

    private static int Distance(string a, string b)
    {
        var previous = new int[b.Length + 1];
        var current = new int[b.Length + 1];
        for (var j = 0; j <= b.Length; j++) previous[j] = j;
        for (var i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                current[j] = Math.Min(Math.Min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
            }
            (previous, current) = (current, previous);
        }
        return previous[b.Length];
    }
}
