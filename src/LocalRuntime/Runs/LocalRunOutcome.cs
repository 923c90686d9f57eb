using System.Text.Json.Nodes;

namespace TrainingOrchestration.LocalRuntime.Runs;

/// <summary>How a local run ended: the record written, the run item this invocation produced (if the trigger started one) and its trigger decision.</summary>
public sealed record LocalRunOutcome(string Workspace, JsonObject Record, JsonObject? Run, JsonObject? TriggerDecision, IReadOnlyList<ExecutionSummary> Executions, TimeSpan WallTime)
{
    /// <summary>The report written for the run (null when the event started no run).</summary>
    public Reports.RunReportFiles? Report { get; init; }

    /// <summary>The run's feature table and the changes its merge applied (null when no run started or no features were built).</summary>
    public RunFeatures? Features { get; init; }

    /// <summary>The change batches this invocation landed and announced (empty when it sent a single event).</summary>
    public IReadOnlyList<Ingress.LandedBatch> Batches { get; init; } = [];

    /// <summary>
    /// When the event (<c>--event</c>) matched no rule: each pattern rule of the deployed stack with the fields that did
    /// not match. Empty when the event reached a rule, or a change file was replayed.
    /// </summary>
    public IReadOnlyList<RuleMismatch> UnmatchedRules { get; init; } = [];

    /// <summary>The event file sent, when one was.</summary>
    public string? EventFile { get; init; }

    /// <summary>True when Ctrl+C or SIGTERM stopped the run before it settled (its training executions were stopped, ABORTED).</summary>
    public bool Interrupted { get; init; }

    /// <summary>True when every execution succeeded and the run (if one started) succeeded.</summary>
    public bool Succeeded => !Interrupted && UnmatchedRules.Count == 0 && Executions.All(e => e.Status == "SUCCEEDED") && (Run is null || Run["status"]?.GetValue<string>() == "SUCCEEDED");
}
