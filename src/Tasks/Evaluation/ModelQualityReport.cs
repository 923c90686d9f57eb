using System.Globalization;
using System.Text.Json.Nodes;
using TrainingOrchestration.Pipelines.Spec;

namespace TrainingOrchestration.Tasks.Evaluation;

/// <summary>
/// The candidate's metrics as a model quality statistics file, the document a model package's
/// <c>ModelMetrics.ModelQuality.Statistics</c> points at (content type <c>application/json</c>). The layout is SageMaker
/// Model Monitor's model quality statistics (https://docs.aws.amazon.com/sagemaker/latest/dg/model-monitor-model-quality-metrics.html):
/// <c>dataset.item_count</c> and <c>binary_classification_metrics.&lt;name&gt;.value</c> with Model Monitor's names
/// (<c>au_prc</c> for PR-AUC), which Studio's model registry shows for the version; the evaluation's own metric names,
/// the source and the champion comparison follow under <c>training_orchestration</c>.
/// </summary>
public static class ModelQualityReport
{
    public const string ContentType = "application/json";

    private static readonly Dictionary<string, string> MonitorNames = new(StringComparer.Ordinal)
    {
        [ModelMetricNames.Auc] = "auc",
        [ModelMetricNames.PrAuc] = "au_prc",
        [ModelMetricNames.Accuracy] = "accuracy",
        [ModelMetricNames.Precision] = "precision",
        [ModelMetricNames.Recall] = "recall",
        [ModelMetricNames.F1] = "f1",
    };

    public static JsonObject Build(EvaluateModelResponse response, ConfusionMatrix? confusion, long? rowCount, DateTimeOffset evaluatedAt)
    {
        var binary = new JsonObject();
        if (confusion is not null)
        {
            binary["confusion_matrix"] = new JsonObject
            {
                ["0"] = new JsonObject { ["0"] = confusion.TrueNegatives, ["1"] = confusion.FalsePositives },
                ["1"] = new JsonObject { ["0"] = confusion.FalseNegatives, ["1"] = confusion.TruePositives },
            };
        }
        foreach (var (metric, name) in MonitorNames)
        {
            if (response.Metrics.TryGetValue(metric, out var value)) binary[name] = new JsonObject { ["value"] = value };
        }
        return new JsonObject
        {
            ["version"] = 0.0,
            ["dataset"] = new JsonObject
            {
                ["item_count"] = rowCount,
                ["evaluation_time"] = evaluatedAt.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture),
            },
            ["binary_classification_metrics"] = binary,
            ["training_orchestration"] = new JsonObject
            {
                ["metricsSource"] = response.MetricsSource,
                ["metrics"] = new JsonObject(response.Metrics.Select(m => KeyValuePair.Create(m.Key, (JsonNode?)m.Value))),
                ["decision"] = response.Decision,
                ["reason"] = response.Reason,
                ["champion"] = response.Champion is null ? null
                    : JsonNode.Parse(System.Text.Json.JsonSerializer.Serialize(response.Champion, Json.TaskJsonContext.Default.ChampionSummary)),
            },
        };
    }
}
