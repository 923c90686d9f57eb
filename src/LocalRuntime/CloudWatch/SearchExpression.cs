using System.Text.RegularExpressions;

namespace TrainingOrchestration.LocalRuntime.CloudWatch;

/// <summary>
/// CloudWatch's <c>SEARCH('{Namespace,Dim1,Dim2} MetricName="X" Dim1="v"', 'Stat', period)</c> as the dashboard uses it:
/// the schema in braces selects metrics of that namespace whose dimension names are exactly the listed ones; each
/// <c>Key="value"</c> term must match (MetricName or a dimension). One series per matching metric.
/// See https://docs.aws.amazon.com/AmazonCloudWatch/latest/monitoring/search-expression-syntax.html.
/// </summary>
public sealed partial record SearchExpression(string Namespace, IReadOnlyList<string> DimensionNames, IReadOnlyDictionary<string, string> Terms,
    string Statistic, int PeriodSeconds)
{
    public static bool IsSearch(string expression) => expression.TrimStart().StartsWith("SEARCH(", StringComparison.Ordinal);

    public static SearchExpression Parse(string expression)
    {
        var call = Call().Match(expression);
        if (!call.Success) throw new FormatException($"not a SEARCH('…', 'Stat', period) expression: {expression}");
        var query = call.Groups["query"].Value;
        var schema = Schema().Match(query);
        if (!schema.Success) throw new FormatException($"SEARCH query without a {{Namespace,Dimensions}} schema: {query}");
        var parts = schema.Groups["schema"].Value.Split(',', StringSplitOptions.TrimEntries);
        var terms = Term().Matches(query[(schema.Index + schema.Length)..]).ToDictionary(m => m.Groups["key"].Value, m => m.Groups["value"].Value, StringComparer.Ordinal);
        return new SearchExpression(parts[0], parts[1..], terms, call.Groups["stat"].Value, int.Parse(call.Groups["period"].Value, System.Globalization.CultureInfo.InvariantCulture));
    }

    /// <summary>The distinct metrics (name and dimension set) in <paramref name="data"/> this search selects.</summary>
    public IReadOnlyList<(string Name, IReadOnlyDictionary<string, string> Dimensions)> Select(IEnumerable<MetricDatum> data) =>
        data.Where(Matches)
            .GroupBy(d => d.Name + "|" + string.Join("|", d.Dimensions.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => p.Key + "=" + p.Value)))
            .Select(g => (g.First().Name, g.First().Dimensions))
            .OrderBy(m => string.Join(" ", m.Dimensions.Values), StringComparer.Ordinal)
            .ToList();

    private bool Matches(MetricDatum d)
    {
        if (d.Namespace != Namespace || d.Dimensions.Count != DimensionNames.Count || !DimensionNames.All(d.Dimensions.ContainsKey)) return false;
        foreach (var (key, value) in Terms)
        {
            if (key == "MetricName" ? d.Name != value : !d.Dimensions.TryGetValue(key, out var v) || v != value) return false;
        }
        return true;
    }

    [GeneratedRegex(@"^\s*SEARCH\(\s*'(?<query>(?:[^'\\]|\\.)*)'\s*,\s*'(?<stat>[^']+)'\s*,\s*(?<period>\d+)\s*\)\s*$")]
    private static partial Regex Call();

    [GeneratedRegex(@"\{(?<schema>[^}]*)\}")]
    private static partial Regex Schema();

    [GeneratedRegex(@"(?<key>[A-Za-z0-9_.:/-]+)\s*=\s*""(?<value>[^""]*)""")]
    private static partial Regex Term();
}
