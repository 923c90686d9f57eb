using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;

namespace TrainingOrchestration.LocalRuntime.Reports;

/// <summary>
/// The report's "Model" section from a run's explanation: the library that trained it, hyperparameters, metrics per
/// split, class balance per split, and the features by mean |SHAP| on the test split beside their gain importance.
/// </summary>
public static class ExplanationSection
{
    public static void Render(StringBuilder md, JsonObject? explanation)
    {
        if (explanation is null) return;
        md.AppendLine("## Model");
        md.AppendLine();
        if (explanation["trainer"] is JsonObject trainer)
        {
            md.AppendLine(CultureInfo.InvariantCulture,
                $"Trained by {trainer["library"]} {trainer["version"]} (SageMaker's XGBoost 1.7-1 container runs {trainer["containerVersion"]}).");
            if (trainer["warning"] is { } warning) md.AppendLine().AppendLine(CultureInfo.InvariantCulture, $"**Warning:** {warning}");
            md.AppendLine();
        }
        if (explanation["hyperparameters"] is JsonObject hyperparameters)
        {
            md.AppendLine("Hyperparameters: " + string.Join(", ", hyperparameters.Select(h => $"`{h.Key}={h.Value}`")) + ".");
            md.AppendLine();
        }
        if (explanation["metrics"] is JsonObject metrics)
        {
            var splits = new[] { "train", "validation", "test" };
            var names = splits.SelectMany(s => (metrics[s] as JsonObject)?.Select(m => m.Key) ?? []).Distinct().ToList();
            md.AppendLine("| metric | train | validation | test |");
            md.AppendLine("|---|---:|---:|---:|");
            foreach (var name in names)
            {
                md.AppendLine(CultureInfo.InvariantCulture, $"| {name} | {string.Join(" | ", splits.Select(s => Number(metrics[s]?[name])))} |");
            }
            md.AppendLine();
        }
        if (explanation["classBalance"] is JsonObject balance)
        {
            md.AppendLine("Class balance (rows per label): " + string.Join("; ", balance.Select(b =>
                $"{b.Key} " + string.Join(", ", (b.Value as JsonObject ?? []).Select(c => $"{c.Key}: {c.Value}")))) + ".");
            md.AppendLine();
        }
        if (explanation["features"] is JsonArray features && features.Count > 0)
        {
            var classes = features.OfType<JsonObject>().FirstOrDefault()?["meanAbsShapByClass"] is JsonArray first ? first.Count : 0;
            md.AppendLine(string.Create(CultureInfo.InvariantCulture, $"Features by mean |SHAP| on the test split ({explanation["explainedRows"]}{(explanation["testRows"] is { } all && all.ToJsonString() != explanation["explainedRows"]?.ToJsonString() ? $" evenly spaced rows of {all}" : " rows")}; XGBoost's pred_contribs), with gain importance") +
                (classes > 0 ? "; a multi-class model explains each class's margin separately, so each class's mean |SHAP| is shown and the first column is their mean:" : ":"));
            md.AppendLine();
            var classColumns = Enumerable.Range(0, classes).ToList();
            md.AppendLine("| feature | mean \\|SHAP\\| | gain |" + string.Concat(classColumns.Select(k => $" class {k} |")));
            md.AppendLine("|---|---:|---:|" + string.Concat(classColumns.Select(_ => "---:|")));
            foreach (var feature in features.OfType<JsonObject>())
            {
                var byClass = feature["meanAbsShapByClass"] as JsonArray;
                md.AppendLine(string.Create(CultureInfo.InvariantCulture, $"| {feature["feature"]} | {Number(feature["meanAbsShap"])} | {Number(feature["gain"])} |")
                    + string.Concat(classColumns.Select(k => $" {Number(byClass?[k])} |")));
            }
            md.AppendLine();
        }
    }

    private static string Number(JsonNode? node) =>
        node is JsonValue v && v.TryGetValue<double>(out var x) ? x.ToString("0.####", CultureInfo.InvariantCulture) : "-";
}
