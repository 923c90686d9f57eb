using System.Text.Json.Nodes;

namespace TrainingOrchestration.LocalRuntime.Runs;

/// <summary>
/// The failure a run item names, read as its status means it. A FAILED run's <c>error</c>, <c>cause</c> and
/// <c>failedState</c> are why it failed. A redriven run keeps them (the training workflow leaves them as the record of
/// what the redrive recovered from, see RecordOutcome), so on a SUCCEEDED or RUNNING run they are history:
/// <see cref="Recovered"/>, which the views show as "recovered by redrive from", never as the run's failure.
/// </summary>
public sealed record RunFailure(string? Error, string? Cause, string? FailedState, bool Recovered, int RedriveCount)
{
    /// <summary>The run's failure, or null when the item names none.</summary>
    public static RunFailure? Of(JsonObject? run)
    {
        if (run is null) return null;
        var error = Text(run["error"]);
        var failedState = Text(run["failedState"]);
        var status = Text(run["status"]);
        if (error is null && (failedState is null || status != "FAILED")) return null;
        var redrives = run["redriveCount"] is JsonValue count && count.TryGetValue<int>(out var n) ? n
            : int.TryParse(Text(run["redriveCount"]), out var parsed) ? parsed : 0;
        return new RunFailure(error, Text(run["cause"]), failedState, status is not (null or "FAILED") && redrives > 0, redrives);
    }

    /// <summary>The failure of a FAILED run (or one without a status yet); null for a run that recovered or never failed.</summary>
    public static RunFailure? Current(JsonObject? run) => Of(run) is { Recovered: false } failure ? failure : null;

    /// <summary>What a redrive recovered the run from; null for a run that did not fail before.</summary>
    public static RunFailure? RecoveredFrom(JsonObject? run) => Of(run) is { Recovered: true } failure ? failure : null;

    /// <summary>"recovered by redrive 1 from States.TaskFailed at TrainModel".</summary>
    public string Describe() => $"recovered by redrive {RedriveCount} from {Error ?? "a failure"} at {FailedState ?? "an unnamed state"}";

    /// <summary>The failure as the CLI's JSON shows it: <c>error</c>, <c>cause</c>, <c>failedState</c>.</summary>
    public JsonObject ToJson() => new() { ["error"] = Error, ["cause"] = Cause, ["failedState"] = FailedState };

    private static string? Text(JsonNode? node) => node is JsonValue value && value.TryGetValue<string>(out var text) ? text : node?.ToJsonString();
}
