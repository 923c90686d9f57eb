using System.Text.Json.Nodes;

namespace TrainingOrchestration.Asl;

/// <summary>
/// A closed Standard execution as the engine keeps it for a redrive: what DescribeExecution and GetExecutionHistory
/// show, plus the state it stopped in with that state's input and variables. Written to the local workspace so that a
/// later process (<c>runs redrive</c>) can redrive the execution as Step Functions does, with the same ARN and history.
/// </summary>
public sealed record ExecutionSnapshot(
    ExecutionDescription Description,
    IReadOnlyList<HistoryEvent> History,
    string? CheckpointState,
    JsonNode? CheckpointInput,
    IReadOnlyDictionary<string, JsonNode?> CheckpointVariables)
{
    public JsonObject ToJson()
    {
        var d = Description;
        return new JsonObject
        {
            ["executionArn"] = d.ExecutionArn,
            ["stateMachineArn"] = d.StateMachineArn,
            ["name"] = d.Name,
            ["status"] = d.StatusName,
            ["startDate"] = d.StartDate.ToString("O"),
            ["stopDate"] = d.StopDate?.ToString("O"),
            ["input"] = d.Input,
            ["output"] = d.Output,
            ["error"] = d.Error,
            ["cause"] = d.Cause,
            ["redriveCount"] = d.RedriveCount,
            ["redriveDate"] = d.RedriveDate?.ToString("O"),
            ["checkpoint"] = new JsonObject
            {
                ["state"] = CheckpointState,
                ["input"] = CheckpointInput?.DeepClone(),
                ["variables"] = new JsonObject(CheckpointVariables.Select(v => KeyValuePair.Create(v.Key, v.Value?.DeepClone()))),
            },
            ["events"] = new JsonArray(History.Select(e => (JsonNode)e.ToJson()).ToArray()),
        };
    }

    /// <exception cref="FormatException">The JSON is not a snapshot this engine wrote; the message names the field.</exception>
    public static ExecutionSnapshot FromJson(JsonObject json)
    {
        string Text(string field) => json[field]?.GetValue<string>() ?? throw new FormatException($"Execution snapshot: '{field}' is missing.");
        DateTimeOffset? Date(string field) => json[field]?.GetValue<string>() is { } t ? DateTimeOffset.Parse(t, System.Globalization.CultureInfo.InvariantCulture) : null;
        var status = Text("status") switch
        {
            "SUCCEEDED" => ExecutionStatus.Succeeded,
            "FAILED" => ExecutionStatus.Failed,
            "TIMED_OUT" => ExecutionStatus.TimedOut,
            "ABORTED" => ExecutionStatus.Aborted,
            "RUNNING" => ExecutionStatus.Running,
            var other => throw new FormatException($"Execution snapshot: status '{other}' is not one of SUCCEEDED, FAILED, TIMED_OUT, ABORTED, RUNNING."),
        };
        var description = new ExecutionDescription(Text("executionArn"), Text("stateMachineArn"), Text("name"), status,
            Date("startDate") ?? throw new FormatException("Execution snapshot: 'startDate' is missing."), Date("stopDate"), Text("input"),
            json["output"]?.GetValue<string>(), json["error"]?.GetValue<string>(), json["cause"]?.GetValue<string>(),
            json["redriveCount"]?.GetValue<int>() ?? 0, Date("redriveDate"));
        var checkpoint = json["checkpoint"] as JsonObject;
        var events = (json["events"] as JsonArray ?? []).OfType<JsonObject>().Select(EventOf).ToList();
        var variables = (checkpoint?["variables"] as JsonObject ?? []).ToDictionary(v => v.Key, v => v.Value?.DeepClone(), StringComparer.Ordinal);
        return new ExecutionSnapshot(description, events, checkpoint?["state"]?.GetValue<string>(), checkpoint?["input"]?.DeepClone(), variables);
    }

    private static HistoryEvent EventOf(JsonObject e)
    {
        var key = e.Select(p => p.Key).FirstOrDefault(k => k.EndsWith("EventDetails", StringComparison.Ordinal));
        return new HistoryEvent(e["id"]!.GetValue<long>(), e["previousEventId"]!.GetValue<long>(),
            DateTimeOffset.Parse(e["timestamp"]!.GetValue<string>(), System.Globalization.CultureInfo.InvariantCulture),
            e["type"]!.GetValue<string>(), key, key is null ? null : e[key]!.DeepClone().AsObject());
    }
}
