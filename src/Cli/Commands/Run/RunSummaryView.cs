using System.Globalization;
using System.Text.Json.Nodes;
using Spectre.Console;
using TrainingOrchestration.LocalRuntime.Runs;
using TrainingOrchestration.Pipelines.Spec;
using TrainingOrchestration.Pipelines.Conventions;

namespace TrainingOrchestration.Cli.Commands.Run;

/// <summary>The end-of-run summary: decision and reason, metrics against thresholds, validation, durations, outputs.</summary>
internal static class RunSummaryView
{
    public static void Render(IAnsiConsole console, LocalRunOutcome outcome, PipelineSpec spec, string? reportPath)
    {
        console.WriteLine();
        if (outcome.Batches.Count > 0)
        {
            console.MarkupLineInterpolated($"[bold]Ingress[/]: {outcome.Batches.Sum(b => b.Changes)} change(s) landed in {outcome.Batches.Count} batch(es), one event each: {string.Join(", ", outcome.Batches.Select(b => b.Key))}");
        }
        if (outcome.TriggerDecision is { } trigger)
        {
            console.MarkupLineInterpolated($"[bold]Trigger[/]: {Text(trigger["decision"])} — {Text(trigger["reason"])}");
        }
        if (outcome.UnmatchedRules.Count > 0)
        {
            console.MarkupLineInterpolated($"[red]{NoRuleMatched(outcome)}[/]");
            foreach (var rule in outcome.UnmatchedRules)
            {
                console.MarkupLineInterpolated($"  rule [bold]{rule.Rule}[/]:");
                foreach (var field in rule.Fields) console.MarkupLineInterpolated($"    {field.Field}: expected {field.Expected}, found {field.Actual}");
            }
        }
        else if (outcome.Run is not { } run)
        {
            console.MarkupLine("[yellow]No training run was started by this event[/] (see the trigger decision above).");
        }
        else
        {
            var decision = Text(run["decision"]);
            var colour = decision switch { "PROMOTED" => "green", "REJECTED" => "yellow", _ => "red" };
            console.MarkupLineInterpolated($"[bold]Run[/] {Text(run["runId"])}: [{colour} bold]{decision}[/] ({Text(run["status"])})");
            var current = RunFailure.Current(run);
            if (current is not null && FailureMessage.Explain(current.FailedState, current.Error, current.Cause) is { } failure)
            {
                console.MarkupLineInterpolated($"[bold]Reason[/]: {failure.Message}");
                console.MarkupLineInterpolated($"[bold]Runbook[/]: {failure.Runbook}");
            }
            else
            {
                console.MarkupLineInterpolated($"[bold]Reason[/]: {Text(run["reason"] ?? run["cause"])}");
                if (current is not null) console.MarkupLineInterpolated($"[bold]Error[/]: {current.Error} at {current.FailedState}");
            }
            if (RunFailure.RecoveredFrom(run) is { } recovered) console.MarkupLineInterpolated($"[bold]Redrive[/]: {recovered.Describe()}");
            if (outcome.Features?.ChangesSummary() is { } applied) console.MarkupLineInterpolated($"[bold]Changes applied[/]: {applied}");
            RenderThresholds(console, run, spec);
            RenderValidation(console, run, outcome.Record);
        }

        var table = new Table().Border(TableBorder.Rounded).AddColumns("Execution", "Status", "Virtual duration", "Path");
        foreach (var execution in outcome.Executions)
        {
            var duration = execution.Stop is { } stop ? stop - execution.Start : TimeSpan.Zero;
            var path = string.Join(" → ", execution.Path.Select(p => p.Name));
            table.AddRow(Markup.Escape(execution.StateMachine), Markup.Escape(execution.Status), Markup.Escape(duration.ToString(@"hh\:mm\:ss")), Markup.Escape(path));
        }
        console.Write(table);

        console.MarkupLineInterpolated($"[bold]Wall time[/]: {outcome.WallTime.TotalSeconds:0.0} s");
        console.MarkupLineInterpolated($"[bold]Workspace[/]: {outcome.Workspace}");
        console.MarkupLineInterpolated($"[bold]Record[/]: {Path.Combine(outcome.Workspace, RunRecord.FileName)}");
        if (reportPath is not null) console.MarkupLineInterpolated($"[bold]Report[/]: {reportPath}");
        if (outcome.Run?["runId"]?.GetValue<string>() is { } runId)
        {
            console.MarkupLineInterpolated($"[bold]Features[/]: {outcome.Features?.FeaturesTable ?? $"s3/*/{BucketLayout.RunFeatures(spec.Name, runId)}"}");
            console.MarkupLineInterpolated($"[bold]Model[/]: s3/*/{BucketLayout.PipelineRawModels(spec.Name)} (approved: {BucketLayout.PipelineApprovedModels(spec.Name)}{runId}/)");
        }
    }

    /// <summary>The one-line reason when the sent event reached no rule (the fields follow, per rule).</summary>
    public static string NoRuleMatched(LocalRunOutcome outcome) =>
        $"{outcome.EventFile ?? "the event"}: the event matches no rule of this pipeline, so no run was started: " +
        string.Join(" | ", outcome.UnmatchedRules.Select(r => r.ToString()));

    private static void RenderThresholds(IAnsiConsole console, JsonObject run, PipelineSpec spec)
    {
        var metrics = run["metrics"] as JsonObject;
        if (metrics is null && run["thresholds"] is null) return;
        var table = new Table().Border(TableBorder.Rounded).AddColumns("Metric", "Value", "Threshold", "");
        var checks = (run["thresholds"] as JsonArray ?? []).OfType<JsonObject>().ToDictionary(t => Text(t["metric"]), t => t);
        foreach (var (name, value) in metrics ?? [])
        {
            var bound = spec.Evaluation.Thresholds.TryGetValue(name, out var threshold)
                ? string.Join(" ", new[] { threshold.Min is { } min ? $">= {min}" : null, threshold.Max is { } max ? $"<= {max}" : null }.Where(s => s is not null))
                : "";
            var passed = checks.TryGetValue(name, out var check) ? (check["passed"]?.GetValue<bool>() == true ? "[green]pass[/]" : "[red]fail[/]") : "";
            table.AddRow(Markup.Escape(name), Markup.Escape(Number(value)), Markup.Escape(bound), passed);
        }
        console.Write(table);
    }

    private static void RenderValidation(IAnsiConsole console, JsonObject run, JsonObject record)
    {
        var runId = Text(run["runId"]);
        var validation = (record["validations"] as JsonArray ?? []).OfType<JsonObject>().FirstOrDefault(v => Text(v[TableKeys.SortKey]) == TableKeys.Validation(runId));
        var outcome = validation?["outcome"] is JsonValue text && text.TryGetValue<string>(out var json) ? JsonNode.Parse(json) : validation?["outcome"];
        if (outcome is null) return;
        var failed = (outcome["rules"] as JsonArray ?? []).OfType<JsonObject>().Where(r => r["passed"]?.GetValue<bool>() == false).ToList();
        console.MarkupLineInterpolated($"[bold]Validation[/]: {(outcome["passed"]?.GetValue<bool>() == true ? "passed" : "failed")} — {Text(outcome["summary"])}");
        foreach (var rule in failed.Take(10))
        {
            console.MarkupLineInterpolated($"  [red]✗[/] {Text(rule["rule"])} {Text(rule["column"])}: observed {Text(rule["observed"])}, threshold {Text(rule["threshold"])}");
        }
    }

    private static string Text(JsonNode? node) => node switch
    {
        null => "",
        JsonValue v when v.TryGetValue<string>(out var s) => s,
        _ => node.ToJsonString(),
    };

    private static string Number(JsonNode? node) =>
        node is JsonValue v && v.TryGetValue<double>(out var d) ? d.ToString("0.0000", CultureInfo.InvariantCulture) : Text(node);
}
