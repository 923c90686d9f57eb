using System.Globalization;
using System.Text.Json.Nodes;
using TrainingOrchestration.LocalRuntime.Templates;

namespace TrainingOrchestration.LocalRuntime.CloudWatch;

/// <summary>
/// An <c>AWS::CloudWatch::Alarm</c> on a single metric, as the template declares it: the metric (namespace, name, exact
/// dimensions, statistic, period), how many of the last <see cref="EvaluationPeriods"/> periods must breach
/// (<see cref="DatapointsToAlarm"/>, default all), the comparison and threshold, the missing-data treatment (default
/// <c>missing</c>) and the SNS topics of each state's actions.
/// </summary>
public sealed record AlarmDefinition(string Name, string? Description, string Namespace, string MetricName, IReadOnlyDictionary<string, string> Dimensions,
    string Statistic, int PeriodSeconds, int EvaluationPeriods, int DatapointsToAlarm, string ComparisonOperator, double Threshold, string TreatMissingData)
{
    public IReadOnlyList<string> AlarmActions { get; init; } = [];
    public IReadOnlyList<string> OkActions { get; init; } = [];
    public IReadOnlyList<string> InsufficientDataActions { get; init; } = [];

    /// <summary>The alarm's <c>pipeline</c> tag (the stacks tag every resource with it), else null.</summary>
    public string? Pipeline { get; init; }

    public static AlarmDefinition FromResource(StackResource alarm)
    {
        var p = alarm.Properties;
        string Where(string property) => $"Resources.{alarm.LogicalId}.Properties.{property}";
        if (p["Metrics"] is not null)
        {
            throw new TemplateException(Where("Metrics"), "metric-math alarms are not evaluated by the local runtime; this product's alarms use a single metric");
        }
        string Text(string property) => p[property]?.GetValue<string>() ?? throw new TemplateException(Where(property), "required for a single-metric alarm");
        var dimensions = (p["Dimensions"] as JsonArray ?? []).OfType<JsonObject>()
            .ToDictionary(d => d["Name"]!.GetValue<string>(), d => d["Value"]!.GetValue<string>(), StringComparer.Ordinal);
        var evaluationPeriods = Int(p["EvaluationPeriods"]) ?? throw new TemplateException(Where("EvaluationPeriods"), "required");
        return new AlarmDefinition(
            alarm.Name, p["AlarmDescription"]?.GetValue<string>(), Text("Namespace"), Text("MetricName"), dimensions,
            p["Statistic"]?.GetValue<string>() ?? p["ExtendedStatistic"]?.GetValue<string>() ?? throw new TemplateException(Where("Statistic"), "required"),
            Int(p["Period"]) ?? throw new TemplateException(Where("Period"), "required"),
            evaluationPeriods, Int(p["DatapointsToAlarm"]) ?? evaluationPeriods, Text("ComparisonOperator"),
            Number(p["Threshold"]) ?? throw new TemplateException(Where("Threshold"), "required for a static-threshold alarm"),
            p["TreatMissingData"]?.GetValue<string>() ?? "missing")
        {
            AlarmActions = Strings(p["AlarmActions"]),
            OkActions = Strings(p["OKActions"]),
            InsufficientDataActions = Strings(p["InsufficientDataActions"]),
            Pipeline = (p["Tags"] as JsonArray ?? []).OfType<JsonObject>().FirstOrDefault(t => t["Key"]?.GetValue<string>() == "pipeline")?["Value"]?.GetValue<string>(),
        };
    }

    private static IReadOnlyList<string> Strings(JsonNode? node) => (node as JsonArray ?? []).Select(n => n!.GetValue<string>()).ToList();

    private static int? Int(JsonNode? node) => Number(node) is { } d ? (int)d : null;

    private static double? Number(JsonNode? node) => node switch
    {
        JsonValue v when v.TryGetValue<double>(out var d) => d,
        JsonValue v when v.TryGetValue<string>(out var s) && double.TryParse(s, NumberStyles.Float, CultureInfo.InvariantCulture, out var parsed) => parsed,
        _ => null,
    };
}
