using System.Text.Json.Nodes;
using TrainingOrchestration.LocalRuntime.Runs;

namespace TrainingOrchestration.Cli.Commands.Run;

/// <summary>
/// <c>run --json</c>'s last stdout line, the interface scripts and other tools read: <c>runId</c>, <c>status</c>,
/// <c>decision</c>, <c>reason</c>, <c>workspace</c>, <c>featuresTable</c> (the run's feature table: a CSV with a header, the
/// entity key, the label, the features as features.sql names them and the split, every row of every split), <c>changes</c>
/// (what the merge applied: inserted, updated, deleted, ...) and the trigger's decision; for a failed run also
/// <c>error</c> and <c>failedState</c> (the state the execution failed in, for <c>runs redrive</c>); for a run a redrive
/// recovered, <c>recoveredFrom</c> (<c>error</c>, <c>cause</c>, <c>failedState</c>); and <c>redriveCount</c>, <c>rerunOf</c>,
/// <c>executionArn</c>. Null where there is no value.
/// </summary>
internal static class RunJson
{
    public static void Write(LocalRunOutcome outcome)
    {
        var run = outcome.Run;
        var failure = RunFailure.Current(run);
        var recovered = RunFailure.RecoveredFrom(run);
        var explained = failure is null ? null : FailureMessage.Explain(failure.FailedState, failure.Error, failure.Cause);
        var line = new JsonObject
        {
            ["runId"] = run?["runId"]?.DeepClone(),
            ["status"] = run?["status"]?.DeepClone() ?? (outcome.Succeeded ? "NOT_STARTED" : outcome.UnmatchedRules.Count > 0 ? "NOT_STARTED" : "FAILED"),
            ["decision"] = run?["decision"]?.DeepClone(),
            ["reason"] = explained?.Message ?? run?["reason"]?.DeepClone() ?? run?["cause"]?.DeepClone() ?? outcome.TriggerDecision?["reason"]?.DeepClone()
                ?? (outcome.UnmatchedRules.Count > 0 ? RunSummaryView.NoRuleMatched(outcome) : null),
            ["error"] = failure?.Error,
            ["failedState"] = failure?.FailedState,
            ["recoveredFrom"] = recovered?.ToJson(),
            ["redriveCount"] = run?["redriveCount"]?.DeepClone() ?? 0,
            ["rerunOf"] = run?["rerunOf"]?.DeepClone(),
            ["executionArn"] = run?["executionArn"]?.DeepClone(),
            ["workspace"] = outcome.Workspace,
            ["featuresTable"] = outcome.Features?.FeaturesTable,
            ["changes"] = outcome.Features?.Changes?.DeepClone(),
            ["trigger"] = outcome.TriggerDecision?["decision"]?.DeepClone(),
            ["batches"] = outcome.Batches.Count,
            ["report"] = outcome.Report?.Report,
            ["runbook"] = explained?.Runbook,
        };
        Console.Out.WriteLine(line.ToJsonString());
        Console.Out.Flush();
    }

    public static void WriteFailure(string? workspace, string message)
    {
        Console.Out.WriteLine(new JsonObject
        {
            ["runId"] = null, ["status"] = "FAILED", ["decision"] = null, ["reason"] = message,
            ["workspace"] = workspace is null ? null : Path.GetFullPath(workspace), ["featuresTable"] = null, ["changes"] = null,
        }.ToJsonString());
        Console.Out.Flush();
    }
}
