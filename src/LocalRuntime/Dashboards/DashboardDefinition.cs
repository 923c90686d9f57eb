using System.Globalization;
using System.Text.Json.Nodes;
using TrainingOrchestration.LocalRuntime.Templates;

namespace TrainingOrchestration.LocalRuntime.Dashboards;

/// <summary>
/// An <c>AWS::CloudWatch::Dashboard</c>'s body as the template holds it (intrinsics resolved), parsed per CloudWatch's
/// dashboard body structure (https://docs.aws.amazon.com/AmazonCloudWatch/latest/APIReference/CloudWatch-Dashboard-Body-Structure.html):
/// <c>start</c> (an ISO 8601 duration such as <c>-P28D</c>), and widgets whose <c>metrics</c> arrays carry the statistic and
/// period per metric, falling back to the widget's <c>stat</c> (default Average) and <c>period</c> (default 300).
/// </summary>
public sealed record DashboardDefinition(string Name, TimeSpan Range, IReadOnlyList<DashboardWidget> Widgets)
{
    public static DashboardDefinition FromStack(LoadedStack stack)
    {
        var resource = stack.OfType("AWS::CloudWatch::Dashboard").FirstOrDefault()
            ?? throw new TemplateException($"{stack.TemplatePath}: Resources", "the stack has no AWS::CloudWatch::Dashboard");
        var body = resource.GetString("DashboardBody")
            ?? throw new TemplateException($"Resources.{resource.LogicalId}.Properties.DashboardBody", "a dashboard needs a body");
        return Parse(resource.GetString("DashboardName") ?? resource.Name, body);
    }

    public static DashboardDefinition Parse(string name, string body)
    {
        var root = JsonNode.Parse(body) as JsonObject ?? throw new FormatException($"dashboard {name}: the body is not a JSON object");
        var range = root["start"]?.GetValue<string>() is { } start && start.StartsWith('-')
            ? System.Xml.XmlConvert.ToTimeSpan(start[1..]) : TimeSpan.FromHours(3);
        var widgets = (root["widgets"] as JsonArray ?? []).OfType<JsonObject>().Select(Widget).ToList();
        return new DashboardDefinition(name, range, widgets);
    }

    private static DashboardWidget Widget(JsonObject widget)
    {
        var properties = widget["properties"] as JsonObject ?? [];
        var type = widget["type"]?.GetValue<string>() ?? "metric";
        var stat = properties["stat"]?.GetValue<string>() ?? "Average";
        var period = Int(properties["period"]) ?? 300;
        var metrics = new List<WidgetMetric>();
        foreach (var entry in (properties["metrics"] as JsonArray ?? []).OfType<JsonArray>())
        {
            var options = entry.LastOrDefault() as JsonObject ?? [];
            var parts = entry.Where(n => n is JsonValue).Select(n => n!.GetValue<string>()).ToList();
            var metricStat = options["stat"]?.GetValue<string>() ?? stat;
            var metricPeriod = Int(options["period"]) ?? period;
            var label = options["label"]?.GetValue<string>();
            if (options["expression"]?.GetValue<string>() is { } expression)
            {
                metrics.Add(new WidgetMetric(null, null, new Dictionary<string, string>(), metricStat, metricPeriod, label, expression));
                continue;
            }
            if (parts.Count < 2 || parts.Count % 2 != 0) throw new FormatException($"widget '{properties["title"]}': metric [{string.Join(", ", parts)}] is not [namespace, name, dimension, value, …]");
            var dimensions = new Dictionary<string, string>(StringComparer.Ordinal);
            for (var i = 2; i < parts.Count; i += 2) dimensions[parts[i]] = parts[i + 1];
            metrics.Add(new WidgetMetric(parts[0], parts[1], dimensions, metricStat, metricPeriod, label, null));
        }
        var title = properties["title"]?.GetValue<string>() ?? (type == "text" ? "" : "Untitled");
        return new DashboardWidget(type, Int(widget["x"]) ?? 0, Int(widget["y"]) ?? 0, Int(widget["width"]) ?? 6, Int(widget["height"]) ?? 6,
            title, properties["markdown"]?.GetValue<string>(), metrics);
    }

    private static int? Int(JsonNode? node) => node is JsonValue v && v.TryGetValue<double>(out var d) ? (int)d
        : node is JsonValue s && s.TryGetValue<string>(out var text) && int.TryParse(text, CultureInfo.InvariantCulture, out var n) ? n : null;
}
