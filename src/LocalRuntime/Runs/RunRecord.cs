using System.Text.Json;
using System.Text.Json.Nodes;
using TrainingOrchestration.Pipelines.Conventions;

namespace TrainingOrchestration.LocalRuntime.Runs;

/// <summary>
/// <c>record.json</c> of a workspace: the pipeline's items exported from DynamoDB at the end of a run (runs with their
/// decisions and reasons, validation outcomes, champion, trigger decisions), plus the executions, events and
/// notifications of this invocation, and the explanation of this invocation's model (<see cref="RunExplanation"/>: the
/// trainer library and version, hyperparameters, metrics per split, class balance, gain and SHAP per feature).
/// <c>runs</c> reads it back.
/// </summary>
public static class RunRecord
{
    public const string FileName = "record.json";

    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };

    public static JsonObject Build(string pipeline, string workspace, IReadOnlyList<JsonObject> items, IEnumerable<ExecutionSummary> executions,
        IEnumerable<Events.RecordedEvent> events, IEnumerable<Sns.PublishedMessage> notifications, TimeSpan wallTime, JsonObject? explanation = null)
    {
        JsonArray Items(string prefix) => new(items.Where(i => i[TableKeys.SortKey]?.GetValue<string>().StartsWith(prefix, StringComparison.Ordinal) == true)
            .Select(i => (JsonNode)i.DeepClone()).ToArray());
        return new JsonObject
        {
            ["pipeline"] = pipeline,
            ["workspace"] = Path.GetFullPath(workspace),
            ["exportedAt"] = DateTimeOffset.UtcNow.ToString("O"),
            ["wallTimeSeconds"] = Math.Round(wallTime.TotalSeconds, 2),
            ["trainer"] = explanation?["trainer"]?.DeepClone(),
            ["explanation"] = explanation?.DeepClone(),
            ["runs"] = Items(TableKeys.RunPrefix),
            ["validations"] = Items(TableKeys.ValidationPrefix),
            ["models"] = Items(TableKeys.ModelPrefix),
            ["champion"] = items.FirstOrDefault(i => i[TableKeys.SortKey]?.GetValue<string>() == TableKeys.ChampionSortKey)?.DeepClone(),
            ["triggerDecisions"] = Items(TableKeys.DecisionPrefix),
            ["items"] = new JsonArray(items.Select(i => (JsonNode)i.DeepClone()).ToArray()),
            ["executions"] = new JsonArray(executions.Select(e => (JsonNode)e.ToJson()).ToArray()),
            ["events"] = new JsonArray(events.Select(e => (JsonNode)new JsonObject
            {
                ["id"] = e.Id,
                ["source"] = e.Source,
                ["detailType"] = e.DetailType,
                ["time"] = e.Event["time"]?.DeepClone(),
                ["deliveries"] = new JsonArray(e.Deliveries.Select(d => (JsonNode)new JsonObject
                {
                    ["rule"] = d.Rule, ["target"] = d.TargetArn, ["result"] = d.Result, ["error"] = d.Error,
                }).ToArray()),
            }).ToArray()),
            ["notifications"] = new JsonArray(notifications.Select(n => (JsonNode)new JsonObject
            {
                ["topicArn"] = n.TopicArn, ["subject"] = n.Subject, ["message"] = n.Message, ["publishedAt"] = n.PublishedAt.ToString("O"),
            }).ToArray()),
        };
    }

    public static void Write(string workspace, JsonObject record) =>
        File.WriteAllText(Path.Combine(workspace, FileName), record.ToJsonString(Indented));

    public static JsonObject? Read(string workspace)
    {
        var path = Path.Combine(workspace, FileName);
        return File.Exists(path) ? JsonNode.Parse(File.ReadAllText(path)) as JsonObject : null;
    }
}
