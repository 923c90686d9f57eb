using System.Globalization;
using System.Text.Json.Nodes;
using TrainingOrchestration.Pipelines.Spec;

namespace TrainingOrchestration.Tasks.Evaluation;

/// <summary>
/// The candidate's metrics as a model quality statistics file, the document a model package's
/// <c>ModelMetrics.ModelQuality.Statistics</c> points at (content type <c>application/json</c>). The layout is SageMaker
/// Model Monitor's model quality statistics (https://docs.aws.amazon.com/sagemaker/latest/dg/model-monitor-model-quality-metrics.html):
/// <c>dataset.item_count</c> and, by problem type, <c>binary_classification_metrics</c>, <c>regression_metrics</c> or
/// <c>multiclass_classification_metrics</c> with <c>&lt;name&gt;.value</c> under Model Monitor's names (<c>au_prc</c> for PR-AUC), which Studio's model registry shows for the version; the evaluation's own metric names,
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

    /// <summary>The statistics of the resolved metrics for the pipeline's problem type.</summary>
    public static JsonObject Build(EvaluateModelResponse response, ResolvedMetrics resolved, ProblemType problem, DateTimeOffset evaluatedAt) => problem switch
    {
        ProblemType.Regression => Build(response, RegressionSection, Regression(response), resolved.RowCount, evaluatedAt),
        ProblemType.Multiclass => Build(response, MulticlassSection, Multiclass(response, resolved.Predictions), resolved.RowCount, evaluatedAt),
        _ => Build(response, resolved.Confusion, resolved.RowCount, evaluatedAt),
    };

    public const string BinarySection = "binary_classification_metrics";
    public const string RegressionSection = "regression_metrics";
    public const string MulticlassSection = "multiclass_classification_metrics";

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
        return Build(response, BinarySection, binary, rowCount, evaluatedAt);
    }

    /// <summary>Model Monitor's regression section: mae, mse, rmse, r2 (mse = rmse²).</summary>
    private static JsonObject Regression(EvaluateModelResponse response)
    {
        var section = new JsonObject();
        if (response.Metrics.TryGetValue(ModelMetricNames.Mae, out var mae)) section["mae"] = new JsonObject { ["value"] = mae };
        if (response.Metrics.TryGetValue(ModelMetricNames.Rmse, out var rmse))
        {
            section["mse"] = new JsonObject { ["value"] = rmse * rmse };
            section["rmse"] = new JsonObject { ["value"] = rmse };
        }
        if (response.Metrics.TryGetValue(ModelMetricNames.R2, out var r2)) section["r2"] = new JsonObject { ["value"] = r2 };
        return section;
    }

    /// <summary>Model Monitor's multi-class section: the confusion matrix (true class, then predicted) and accuracy; log loss and macro F1, which Model Monitor does not name, are under <c>training_orchestration.metrics</c>.</summary>
    private static JsonObject Multiclass(EvaluateModelResponse response, PredictionSet? predictions)
    {
        var section = new JsonObject();
        if (predictions is { Problem: ProblemType.Multiclass, Count: > 0 })
        {
            var matrix = MulticlassMetrics.Confusion(predictions.Targets, predictions.Probabilities, predictions.Classes);
            var confusion = new JsonObject();
            for (var actual = 0; actual < predictions.Classes; actual++)
            {
                var row = new JsonObject();
                for (var predicted = 0; predicted < predictions.Classes; predicted++) row[Key(predicted)] = matrix[actual, predicted];
                confusion[Key(actual)] = row;
            }
            section["confusion_matrix"] = confusion;
        }
        if (response.Metrics.TryGetValue(ModelMetricNames.Accuracy, out var accuracy)) section["accuracy"] = new JsonObject { ["value"] = accuracy };
        return section;
    }

    private static string Key(int k) => k.ToString(CultureInfo.InvariantCulture);

    private static JsonObject Build(EvaluateModelResponse response, string sectionName, JsonObject section, long? rowCount, DateTimeOffset evaluatedAt)
    {
        return new JsonObject
        {
            ["version"] = 0.0,
            ["dataset"] = new JsonObject
            {
                ["item_count"] = rowCount,
                ["evaluation_time"] = evaluatedAt.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture),
            },
            [sectionName] = section,
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
