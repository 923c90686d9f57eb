using System.CommandLine;
using System.Text.Json;
using System.Text.Json.Nodes;
using Spectre.Console;
using TrainingOrchestration.Infra;
using TrainingOrchestration.Pipelines.Conventions;

namespace TrainingOrchestration.Cli.Commands.Runs;

/// <summary><c>runs [PIPELINE] [--workspace DIR] [--json]</c> and <c>runs show RUN [--json]</c>: the recorded local runs and why each ended as it did.</summary>
internal static class RunsCommand
{
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };

    public static Command Create()
    {
        var pipeline = new Argument<string?>("pipeline") { Description = "Only this pipeline's runs.", Arity = ArgumentArity.ZeroOrOne };
        var json = new Option<bool>("--json") { Description = "Print the records as JSON for scripts." };
        var directory = new Option<DirectoryInfo?>("--runs-dir") { Description = "Where the workspaces are (default: <repository>/.local/runs)." };
        var workspace = new Option<DirectoryInfo?>("--workspace") { Description = "Only the runs recorded in this workspace (as given to run --workspace)." };
        var command = new Command("runs", "List the recorded local runs with their decision, reason and the changes each applied.") { pipeline, json, directory, workspace };
        command.SetAction(parse => List(parse.GetValue(workspace) is { } ws
            ? RunCatalog.LoadWorkspace(ws.FullName, parse.GetValue(pipeline))
            : RunCatalog.Load(RunsDirectory(parse.GetValue(directory)), parse.GetValue(pipeline)), parse.GetValue(json)));

        var runId = new Argument<string>("run") { Description = "The run id (or a unique prefix of it)." };
        var show = new Command("show", "Show one recorded run: every decision and its reason, metrics, validation, path.") { runId, json, directory };
        show.SetAction(parse => Show(RunsDirectory(parse.GetValue(directory)), parse.GetValue(runId)!, parse.GetValue(json)));
        command.Subcommands.Add(show);
        command.Subcommands.Add(RedriveCommand.Create("redrive", redrive: true));
        command.Subcommands.Add(RedriveCommand.Create("rerun", redrive: false));
        return command;
    }

    /// <summary>The first of each problem type's usual headline metric the run has: AUC (binary), RMSE (regression), log loss (multi-class).</summary>
    internal static string HeadlineMetric(JsonNode? metrics)
    {
        if (metrics is JsonValue packed && packed.TryGetValue<string>(out var json)) metrics = JsonNode.Parse(json);
        foreach (var name in new[] { Pipelines.Spec.ModelMetricNames.Auc, Pipelines.Spec.ModelMetricNames.Rmse, Pipelines.Spec.ModelMetricNames.LogLoss })
        {
            if (metrics?[name] is JsonValue v && v.TryGetValue<double>(out var value))
                return string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{name} {value:0.000}");
        }
        return "";
    }

    private static string RunsDirectory(DirectoryInfo? given) =>
        given?.FullName ?? Path.Combine(RepositoryRoot.TryFind(Directory.GetCurrentDirectory()) ?? RepositoryRoot.Find(AppContext.BaseDirectory), ".local", "runs");

    private static int List(IReadOnlyList<JsonObject> runs, bool json)
    {
        if (json)
        {
            Console.WriteLine(new JsonArray(runs.Select(r => (JsonNode)r.DeepClone()).ToArray()).ToJsonString(Indented));
            return 0;
        }
        if (runs.Count == 0)
        {
            AnsiConsole.MarkupLine("No recorded runs. Start one with: run <pipeline>");
            return 0;
        }
        var table = new Table().Border(TableBorder.Rounded).AddColumns("Run", "Pipeline", "Status", "Decision", "Reason", "Metric", "+ / ~ / -");
        foreach (var run in runs)
        {
            var changes = run["changes"] is null ? "" : $"{Text(run["inserted"])} / {Text(run["updated"])} / {Text(run["deleted"])}";
            table.AddRow(Esc(run["runId"]), Esc(run["pipeline"]), Esc(run["status"]), Esc(run["decision"]), Markup.Escape(Shorten(Text(run["reason"]), 90)), Markup.Escape(HeadlineMetric(run["metrics"])), Markup.Escape(changes));
        }
        AnsiConsole.Write(table);
        return 0;
    }

    private static int Show(string runsDirectory, string runId, bool json)
    {
        var matches = RunCatalog.Load(runsDirectory).Where(r => r["runId"]?.GetValue<string>().StartsWith(runId, StringComparison.Ordinal) == true).ToList();
        if (matches.Count != 1)
        {
            Console.Error.WriteLine(matches.Count == 0 ? $"No recorded run {runId} in {runsDirectory}." : $"Run id {runId} is ambiguous: {string.Join(", ", matches.Select(m => m["runId"]))}.");
            return 1;
        }
        var run = matches[0];
        if (json)
        {
            Console.WriteLine(run.ToJsonString(Indented));
            return 0;
        }
        AnsiConsole.MarkupLineInterpolated($"[bold]{Text(run["pipeline"])} run {Text(run["runId"])}[/]: {Text(run["status"])}, decision [bold]{Text(run["decision"])}[/]");
        AnsiConsole.MarkupLineInterpolated($"  reason: {Text(run["reason"])}");
        if (run["error"] is not null) AnsiConsole.MarkupLineInterpolated($"  error: {Text(run["error"])} at {Text(run["failedState"])}");
        if (run["recoveredFrom"] is JsonObject recovered)
        {
            AnsiConsole.MarkupLineInterpolated($"  recovered by redrive {Text(run["redriveCount"])} from {Text(recovered["error"])} at {Text(recovered["failedState"])}");
        }
        AnsiConsole.MarkupLineInterpolated($"  trigger: {Text(run["trigger"])}");
        foreach (var decision in (run["triggerDecisions"] as JsonArray ?? []).OfType<JsonObject>())
        {
            AnsiConsole.MarkupLineInterpolated($"  trigger decision {Text(decision["decision"])}: {Text(decision["reason"])} ({Text(decision["executionName"])})");
        }
        foreach (var threshold in (run["thresholds"] as JsonArray ?? []).OfType<JsonObject>())
        {
            AnsiConsole.MarkupLineInterpolated($"  threshold {Text(threshold["metric"])}: observed {Text(threshold["observed"])} min {Text(threshold["min"])} max {Text(threshold["max"])} → {(threshold["passed"]?.GetValue<bool>() == true ? "pass" : "fail")}");
        }
        if (run["validation"] is JsonObject validation)
        {
            AnsiConsole.MarkupLineInterpolated($"  validation: {Text(validation["summary"])}");
            foreach (var rule in (validation["rules"] as JsonArray ?? []).OfType<JsonObject>().Where(r => r["passed"]?.GetValue<bool>() == false))
            {
                AnsiConsole.MarkupLineInterpolated($"    ✗ {Text(rule["rule"])} {Text(rule["column"])}: observed {Text(rule["observed"])}, threshold {Text(rule["threshold"])}");
            }
        }
        if (run["path"] is JsonArray path)
        {
            AnsiConsole.MarkupLineInterpolated($"  path: {string.Join(" → ", path.Select(p => Text(p?["name"])))}");
        }
        AnsiConsole.MarkupLineInterpolated($"  workspace: {Text(run["workspace"])}");
        return 0;
    }

    private static string Text(JsonNode? node) => node switch
    {
        null => "",
        JsonValue v when v.TryGetValue<string>(out var s) => s,
        _ => node.ToJsonString(),
    };

    private static string Shorten(string text, int max) => text.Length <= max ? text : text[..(max - 1)] + "…";

    private static string Esc(JsonNode? node) => Markup.Escape(Text(node));
}
