using System.Text.Json;
using System.Text.Json.Nodes;

namespace TrainingOrchestration.LocalRuntime.CloudWatch;

/// <summary>
/// What CloudWatch Logs does with a log event of a Lambda's log group: a line that is a JSON object with a top-level
/// <c>_aws</c> member holding <c>Timestamp</c> (epoch ms) and <c>CloudWatchMetrics</c> directives becomes metrics; any other
/// line (plain text, or a JSON log record whose <c>message</c> happens to contain an EMF document) is only a log.
/// Per directive: <c>Namespace</c>, <c>Dimensions</c> (a list of dimension sets; each set's values are root members),
/// <c>Metrics</c> (<c>Name</c>, optional <c>Unit</c>; the value is the root member of that name, a number or an array of
/// numbers). See https://docs.aws.amazon.com/AmazonCloudWatch/latest/monitoring/CloudWatch_Embedded_Metric_Format_Specification.html.
/// </summary>
public static class EmfExtractor
{
    public static IReadOnlyList<MetricDatum> Extract(string line, string producer)
    {
        if (!line.TrimStart().StartsWith('{')) return [];
        JsonObject? root;
        try
        {
            root = JsonNode.Parse(line) as JsonObject;
        }
        catch (JsonException)
        {
            return [];
        }
        if (root?["_aws"] is not JsonObject aws || aws["CloudWatchMetrics"] is not JsonArray directives) return [];
        if (aws["Timestamp"] is not JsonValue ts || !ts.TryGetValue<double>(out var ms)) return [];
        var timestamp = DateTimeOffset.FromUnixTimeMilliseconds((long)ms);
        var data = new List<MetricDatum>();
        foreach (var directive in directives.OfType<JsonObject>())
        {
            if (directive["Namespace"]?.GetValue<string>() is not { Length: > 0 } ns) continue;
            var sets = (directive["Dimensions"] as JsonArray ?? []).OfType<JsonArray>()
                .Select(set => set.Select(d => d?.GetValue<string>() ?? "").ToList()).ToList();
            if (sets.Count == 0) sets.Add([]);
            foreach (var metric in (directive["Metrics"] as JsonArray ?? []).OfType<JsonObject>())
            {
                if (metric["Name"]?.GetValue<string>() is not { Length: > 0 } name) continue;
                var unit = metric["Unit"]?.GetValue<string>() ?? "None";
                var values = root[name] switch
                {
                    JsonValue v when v.TryGetValue<double>(out var one) => [one],
                    JsonArray many => many.OfType<JsonValue>().Select(v => v.TryGetValue<double>(out var x) ? x : double.NaN).Where(double.IsFinite).ToList(),
                    _ => new List<double>(),
                };
                foreach (var set in sets)
                {
                    // A dimension whose value is missing or not a string invalidates that set (CloudWatch drops it).
                    var dimensions = new Dictionary<string, string>(StringComparer.Ordinal);
                    var valid = true;
                    foreach (var key in set)
                    {
                        if (root[key] is JsonValue dv && dv.TryGetValue<string>(out var text)) dimensions[key] = text;
                        else valid = false;
                    }
                    if (!valid) continue;
                    data.AddRange(values.Select(value => new MetricDatum(ns, name, dimensions, timestamp, value, unit, producer)));
                }
            }
        }
        return data;
    }
}
