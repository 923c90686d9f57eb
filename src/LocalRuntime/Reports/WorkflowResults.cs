using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace TrainingOrchestration.LocalRuntime.Reports;

/// <summary>
/// Reads the workflow's own result shapes (WORKFLOW.md: <c>$.validation</c> from ValidateFeatures,
/// <c>$.evaluation</c> from EvaluateCandidate) into the report's records, so the run command passes them on as they are.
/// </summary>
public static class WorkflowResults
{
    /// <summary><c>{passed, summary, rules: [{rule, column?, severity, passed, observed, threshold, failingCount}], rowCount}</c>.</summary>
    public static ValidationSummary? Validation(JsonNode? validation)
    {
        if (validation is not JsonObject v) return null;
        var rules = (v["rules"] as JsonArray ?? []).OfType<JsonObject>().Select(r => new ValidationRuleResult(
            Text(r["rule"]) ?? "?",
            Text(r["column"]),
            Text(r["severity"]) ?? "error",
            Bool(r["passed"]) ?? false,
            Text(r["observed"]),
            Text(r["threshold"]),
            Long(r["failingCount"]))).ToList();
        return new ValidationSummary(Bool(v["passed"]) ?? false, Text(v["summary"]) ?? "", rules, Long(v["rowCount"]));
    }

    /// <summary>
    /// <c>thresholds: [{metric, min?, max?, observed, passed}]</c>, with the champion's value from
    /// <c>champion.metrics</c>; metrics without a threshold follow, from <c>metrics</c>.
    /// </summary>
    public static IReadOnlyList<MetricCheck> Metrics(JsonNode? evaluation)
    {
        if (evaluation is not JsonObject e) return [];
        var champion = e["champion"]?["metrics"] as JsonObject;
        var checks = new List<MetricCheck>();
        foreach (var t in (e["thresholds"] as JsonArray ?? []).OfType<JsonObject>())
        {
            var metric = Text(t["metric"]) ?? "?";
            checks.Add(new MetricCheck(metric, Double(t["observed"]) ?? Double(e["metrics"]?[metric]) ?? double.NaN,
                Double(t["min"]), Double(t["max"]), Bool(t["passed"]), Double(champion?[metric])));
        }
        if (e["metrics"] is JsonObject metrics)
        {
            foreach (var (name, value) in metrics)
            {
                if (checks.Any(c => c.Metric == name) || Double(value) is not { } observed) continue;
                checks.Add(new MetricCheck(name, observed, Champion: Double(champion?[name])));
            }
        }
        return checks;
    }

    /// <summary>
    /// <c>champion: {runId, metric, difference, interval: {lower, upper, confidence, method, resamples}, margin, decision,
    /// unavailable}</c> (the evaluation's comparison on the same test split) as one sentence for the report.
    /// </summary>
    public static string? ChampionComparison(JsonNode? champion)
    {
        if (champion is not JsonObject c || Text(c["runId"]) is not { } runId) return null;
        if (Text(c["unavailable"]) is { } why) return $"Champion {runId} was not compared on this test split: {why}.";
        if (c["interval"] is not JsonObject interval || Double(c["difference"]) is not { } difference) return null;
        var confidence = (Double(interval["confidence"]) ?? 0) * 100;
        var resamples = Long(interval["resamples"]) is > 0 and var n ? $", {n} resamples" : "";
        return string.Create(CultureInfo.InvariantCulture,
            $"Champion {runId} on the same test split: {Text(c["metric"])} improvement {difference:0.######}, {confidence:0.##}% interval " +
            $"[{Double(interval["lower"]):0.######}, {Double(interval["upper"]):0.######}] ({Text(interval["method"])}{resamples}); margin " +
            $"{Double(c["margin"]) ?? 0:0.######}: **{Text(c["decision"])}**.");
    }

    private static string? Text(JsonNode? node) => node switch
    {
        null => null,
        JsonValue v when v.GetValueKind() == JsonValueKind.String => v.GetValue<string>(),
        _ => node.ToJsonString(),
    };

    private static bool? Bool(JsonNode? node) => node is JsonValue v && v.GetValueKind() is JsonValueKind.True or JsonValueKind.False ? v.GetValue<bool>() : null;

    private static double? Double(JsonNode? node) => node switch
    {
        JsonValue v when v.GetValueKind() == JsonValueKind.Number && v.TryGetValue<double>(out var d) => d,
        JsonValue v when v.GetValueKind() == JsonValueKind.Number => double.Parse(v.ToJsonString(), CultureInfo.InvariantCulture),
        JsonValue v when v.GetValueKind() == JsonValueKind.String && double.TryParse(v.GetValue<string>(), NumberStyles.Float, CultureInfo.InvariantCulture, out var s) => s,
        _ => null,
    };

    private static long? Long(JsonNode? node) => Double(node) is { } d ? (long)d : null;
}
