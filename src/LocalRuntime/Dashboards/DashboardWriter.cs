using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using TrainingOrchestration.LocalRuntime.CloudWatch;

namespace TrainingOrchestration.LocalRuntime.Dashboards;

/// <summary>
/// Renders the template's dashboard from the local metric store: <c>index.html</c> laid out on CloudWatch's 24-column
/// grid, one PNG per metric widget, and <c>widgets.json</c> (per widget: title, and per metric its namespace, name,
/// dimensions, statistic, period and the datapoints found).
/// </summary>
public static class DashboardWriter
{
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };

    /// <summary>The widgets answered over the dashboard's range, which ends at the end of the day of the newest datum.</summary>
    public static IReadOnlyList<(DashboardWidget Widget, IReadOnlyList<DashboardSeries> Series)> Query(DashboardDefinition dashboard, IReadOnlyList<MetricDatum> data,
        out DateTimeOffset start, out DateTimeOffset end)
    {
        var newest = data.Select(d => d.Timestamp).DefaultIfEmpty(DateTimeOffset.UtcNow).Max();
        end = MetricStatistics.PeriodStart(newest, 86400).AddDays(1);
        start = end - dashboard.Range;
        var (from, to) = (start, end);
        return dashboard.Widgets.Select(w => (w, w.Type == "metric" ? DashboardQuery.Resolve(w, data, from, to) : (IReadOnlyList<DashboardSeries>)[])).ToList();
    }

    public static string Write(DashboardDefinition dashboard, IReadOnlyList<MetricDatum> data, string outDirectory, string subtitle,
        IReadOnlyList<RunRow>? runs = null)
    {
        Directory.CreateDirectory(outDirectory);
        var widgets = Query(dashboard, data, out var start, out var end);
        var json = new JsonArray();
        var cards = new StringBuilder();
        var number = 0;
        foreach (var (widget, series) in widgets.OrderBy(w => w.Widget.Y).ThenBy(w => w.Widget.X))
        {
            var style = $"grid-column: {widget.X + 1} / span {widget.Width}; grid-row: {widget.Y + 1} / span {widget.Height};";
            if (widget.Type != "metric")
            {
                cards.Append($"<section class=\"card text\" style=\"{style}\">{Markdown(widget.Markdown ?? "")}</section>\n");
                continue;
            }
            number++;
            var png = $"widget-{number:00}.png";
            WidgetChart.Save(widget, series, start, end, Path.Combine(outDirectory, png));
            json.Add(new JsonObject
            {
                ["title"] = widget.Title,
                ["image"] = png,
                ["metrics"] = new JsonArray(series.Select(s => (JsonNode)SeriesJson(s)).ToArray()),
            });
            cards.Append($"<section class=\"card\" style=\"{style}\"><img src=\"{png}\" alt=\"{Html(widget.Title)}\"/>{Legend(series)}</section>\n");
        }
        File.WriteAllText(Path.Combine(outDirectory, "widgets.json"), json.ToJsonString(Indented));
        var page = Template.Replace("{{title}}", Html(dashboard.Name), StringComparison.Ordinal)
            .Replace("{{subtitle}}", Html(subtitle), StringComparison.Ordinal)
            .Replace("{{range}}", $"{start:yyyy-MM-dd} → {end:yyyy-MM-dd} (UTC)", StringComparison.Ordinal)
            .Replace("{{count}}", data.Count.ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal)
            .Replace("{{cards}}", cards.ToString(), StringComparison.Ordinal)
            .Replace("{{runs}}", RunsTable(runs ?? []), StringComparison.Ordinal);
        var index = Path.Combine(outDirectory, "index.html");
        File.WriteAllText(index, page);
        return index;
    }

    private static JsonObject SeriesJson(DashboardSeries s)
    {
        var dims = new JsonObject();
        foreach (var (k, v) in s.Dimensions.OrderBy(p => p.Key, StringComparer.Ordinal)) dims[k] = v;
        return new JsonObject
        {
            ["label"] = s.Label, ["namespace"] = s.Namespace, ["name"] = s.Name, ["dimensions"] = dims, ["stat"] = s.Stat, ["period"] = s.Period,
            ["expression"] = s.Expression,
            ["datapoints"] = new JsonArray(s.Datapoints.Select(p => (JsonNode)new JsonObject { ["timestamp"] = p.Timestamp.ToString("O"), ["value"] = p.Value }).ToArray()),
        };
    }

    private static string Legend(IReadOnlyList<DashboardSeries> series)
    {
        var rows = new StringBuilder("<table><tr><th>series</th><th>stat</th><th>latest</th><th>points</th></tr>");
        foreach (var s in series)
        {
            var latest = s.Datapoints.Count == 0 ? "<span class=\"none\">no data</span>" : s.Datapoints[^1].Value.ToString("0.###", CultureInfo.InvariantCulture);
            rows.Append($"<tr><td title=\"{Html(s.Namespace + " " + s.Name)}\">{Html(s.Label)}</td><td>{Html(s.Stat)}/{s.Period / 3600.0:0.##}h</td><td>{latest}</td><td>{s.Datapoints.Count}</td></tr>");
        }
        return rows.Append("</table>").ToString();
    }

    private static string RunsTable(IReadOnlyList<RunRow> runs)
    {
        if (runs.Count == 0) return "";
        var html = new StringBuilder("<section class=\"card runs\"><h2>Recorded runs</h2><table><tr><th>run</th><th>started</th><th>status</th><th>decision</th><th>primary metric</th><th>est. cost (USD)</th><th>reason</th></tr>");
        foreach (var run in runs)
        {
            var css = run.Status == "FAILED" ? "bad" : run.Decision == "PROMOTED" ? "good" : "";
            var cost = run.CostUsd is { } usd ? usd.ToString("0.0000", CultureInfo.InvariantCulture) : "–";
            html.Append($"<tr class=\"{css}\"><td>{Html(run.RunId)}</td><td>{Html(run.StartedAt)}</td><td>{Html(run.Status)}</td><td>{Html(run.Decision)}</td>"
                + $"<td>{Html(run.PrimaryMetric)}</td><td>{cost}</td><td>{Html(run.Reason)}</td></tr>");
        }
        return html.Append("</table></section>").ToString();
    }

    private static string Markdown(string markdown) => string.Concat(markdown.Split('\n').Select(line =>
        line.StartsWith("# ", StringComparison.Ordinal) ? $"<h2>{Html(line[2..])}</h2>" : $"<p>{Html(line)}</p>"));

    private static string Html(string? text) => WebUtility.HtmlEncode(text ?? "");

    private const string Template = """
        <!doctype html>
        <html lang="en"><head><meta charset="utf-8"><title>{{title}}</title>
        <style>
          body { font-family: -apple-system, "Segoe UI", Roboto, sans-serif; margin: 0; background: #eef1f6; color: #16191f; }
          header { background: #232f3e; color: #fff; padding: 18px 28px; }
          header h1 { margin: 0; font-size: 22px; font-weight: 600; }
          header p { margin: 4px 0 0; color: #c9d1dc; font-size: 13px; }
          main { display: grid; grid-template-columns: repeat(24, 1fr); grid-auto-rows: 62px; gap: 14px; padding: 20px 28px; }
          .card { background: #fff; border-radius: 8px; box-shadow: 0 1px 3px rgba(0,0,0,.12); padding: 10px 12px; overflow: auto; }
          .card img { width: 100%; height: auto; display: block; }
          .text h2 { margin: 4px 0; font-size: 18px; } .text p { margin: 4px 0; color: #414d5c; }
          table { width: 100%; border-collapse: collapse; font-size: 12px; margin-top: 6px; }
          th { text-align: left; color: #5f6b7a; font-weight: 500; border-bottom: 1px solid #e9ebed; }
          td { padding: 2px 4px; border-bottom: 1px solid #f2f3f3; }
          .none { color: #d13212; font-weight: 600; }
          .runs { margin: 0 28px 28px; } .runs h2 { font-size: 16px; margin: 4px 0 8px; }
          tr.bad td { color: #d13212; } tr.good td:nth-child(4) { color: #037f0c; font-weight: 600; }
        </style></head>
        <body><header><h1>{{title}}</h1><p>{{subtitle}} · {{range}} · {{count}} datapoints in the local metric store</p></header>
        <main>
        {{cards}}
        </main>
        {{runs}}
        </body></html>
        """;
}
