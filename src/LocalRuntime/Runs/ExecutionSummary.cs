using System.Text.Json.Nodes;
using TrainingOrchestration.Asl;

namespace TrainingOrchestration.LocalRuntime.Runs;

/// <summary>An execution as the run record keeps it: status, timing, error, and the path of states it took.</summary>
public sealed record ExecutionSummary(string StateMachine, string Name, string ExecutionArn, string Status, DateTimeOffset Start, DateTimeOffset? Stop,
    string? Error, string? Cause, IReadOnlyList<StateVisit> Path)
{
    public static ExecutionSummary From(string stateMachine, ExecutionDescription description, IReadOnlyList<HistoryEvent> history)
    {
        var path = new List<StateVisit>();
        var open = new Dictionary<string, (DateTimeOffset At, string Type)>();
        foreach (var evt in history)
        {
            var name = evt.Details?["name"]?.GetValue<string>();
            if (evt.Type.EndsWith("StateEntered", StringComparison.Ordinal) && name is not null)
            {
                open[name] = (evt.Timestamp, evt.Type[..^"StateEntered".Length]);
            }
            else if (evt.Type.EndsWith("StateExited", StringComparison.Ordinal) && name is not null && open.Remove(name, out var entered))
            {
                path.Add(new StateVisit(name, entered.Type, entered.At, evt.Timestamp, null));
            }
            else if (evt.Type is "ExecutionFailed" or "ExecutionTimedOut" or "ExecutionAborted" && open.Count > 0)
            {
                // The state that was running when the execution ended is where it failed.
                var last = open.MaxBy(o => o.Value.At);
                path.Add(new StateVisit(last.Key, last.Value.Type, last.Value.At, evt.Timestamp, evt.Details?["error"]?.GetValue<string>() ?? evt.Type));
                open.Remove(last.Key);
            }
        }
        foreach (var (name, entered) in open) path.Add(new StateVisit(name, entered.Type, entered.At, null, null));
        return new ExecutionSummary(stateMachine, description.Name, description.ExecutionArn, description.StatusName, description.StartDate, description.StopDate,
            description.Error, description.Cause, path);
    }

    public JsonObject ToJson() => new()
    {
        ["stateMachine"] = StateMachine,
        ["name"] = Name,
        ["executionArn"] = ExecutionArn,
        ["status"] = Status,
        ["start"] = Start.ToString("O"),
        ["stop"] = Stop?.ToString("O"),
        ["error"] = Error,
        ["cause"] = Cause,
        ["path"] = new JsonArray(Path.Select(v => (JsonNode)v.ToJson()).ToArray()),
    };
}
