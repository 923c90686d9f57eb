using System.Text.Json.Nodes;
using TrainingOrchestration.Asl;

namespace TrainingOrchestration.LocalRuntime.Reports;

/// <summary>
/// Turns an execution history (GetExecutionHistory events) into the list of states the execution went through,
/// pairing each <c>*StateEntered</c> with its <c>*StateExited</c> and noting the error of a state that failed.
/// </summary>
public static class ExecutionPath
{
    private static readonly string[] FailureTypes = ["TaskFailed", "TaskTimedOut", "LambdaFunctionFailed", "LambdaFunctionTimedOut", "ExecutionFailed", "ExecutionTimedOut"];

    public static IReadOnlyList<ExecutedState> FromHistory(IEnumerable<HistoryEvent> history)
    {
        var states = new List<ExecutedState>();
        var open = new Dictionary<string, int>(StringComparer.Ordinal);
        int? current = null;
        foreach (var e in history.OrderBy(e => e.Id))
        {
            if (e.Type.EndsWith("StateEntered", StringComparison.Ordinal) && Name(e) is { } entered)
            {
                states.Add(new ExecutedState(entered, e.Type[..^"StateEntered".Length], e.Timestamp, null));
                open[entered] = states.Count - 1;
                current = states.Count - 1;
            }
            else if (e.Type.EndsWith("StateExited", StringComparison.Ordinal) && Name(e) is { } exited && open.Remove(exited, out var index))
            {
                states[index] = states[index] with { ExitedAt = e.Timestamp };
            }
            else if (FailureTypes.Contains(e.Type) && current is { } failing && states[failing].Error is null)
            {
                var error = e.Details?["error"]?.GetValue<string>() ?? e.Type;
                states[failing] = states[failing] with { Error = error };
                if (e.Type.StartsWith("Execution", StringComparison.Ordinal)) states[failing] = states[failing] with { ExitedAt = states[failing].ExitedAt ?? e.Timestamp };
            }
        }
        return states;
    }

    private static string? Name(HistoryEvent e) => e.Details?["name"] is JsonValue v ? v.GetValue<string>() : null;
}
