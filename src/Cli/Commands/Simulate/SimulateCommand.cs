using System.CommandLine;
using System.Text.Json.Nodes;
using Spectre.Console;
using TrainingOrchestration.Cli.Commands.Run;
using TrainingOrchestration.Contracts;
using TrainingOrchestration.LocalRuntime.Simulation;
using TrainingOrchestration.LocalRuntime.Templates;
using TrainingOrchestration.Pipelines;
using TrainingOrchestration.Pipelines.Conventions;

namespace TrainingOrchestration.Cli.Commands.Simulate;

/// <summary>
/// <c>simulate PIPELINE --days N [--seed S] --workspace DIR [--json]</c>: N days of CDC traffic through the pipeline's
/// real workflows on the virtual clock, with a contract violation, a slow drift and a failing training job injected;
/// then <c>dashboard</c> shows the period and <c>alarms</c> its alarms. Prints runs by outcome, skips by reason and the
/// alarms; with <c>--json</c> the last line is the summary as one JSON object.
/// </summary>
internal static class SimulateCommand
{
    public static Command Create()
    {
        var pipeline = new Argument<string>("pipeline") { Description = "The pipeline to simulate (a folder under pipelines/)." };
        var days = new Option<int>("--days") { Description = "Days of virtual time to simulate (a month: 30).", Required = true };
        var seed = new Option<int>("--seed") { Description = "Seed of the traffic and the incidents (same seed, same period).", DefaultValueFactory = _ => 1 };
        var workspace = new Option<DirectoryInfo>("--workspace") { Description = "An empty folder for the simulated account.", Required = true };
        var json = new Option<bool>("--json") { Description = "End with one JSON line: runs by outcome, skips by reason, alarms, deliveries, incidents." };
        var pipelines = new Option<DirectoryInfo?>("--pipelines") { Description = "The pipelines folder (default: <repository>/pipelines)." };
        var command = new Command("simulate", "Simulate days of CDC traffic, scheduled checks and injected incidents through the pipeline's workflows.")
        {
            pipeline, days, seed, workspace, json, pipelines,
        };
        command.SetAction((parse, cancellationToken) => ExecuteAsync(parse.GetValue(pipeline)!, parse.GetValue(days), parse.GetValue(seed),
            parse.GetValue(workspace)!.FullName, parse.GetValue(json), parse.GetValue(pipelines)?.FullName, cancellationToken));
        return command;
    }

    private static async Task<int> ExecuteAsync(string name, int days, int seed, string workspace, bool json, string? pipelinesRoot, CancellationToken cancellationToken)
    {
        var console = AnsiConsole.Console;
        try
        {
            if (days < 1)
            {
                console.MarkupLine("[red]--days must be at least 1.[/]");
                return 2;
            }
            var root = RepositoryRoot.TryFind(Directory.GetCurrentDirectory()) ?? RepositoryRoot.Find(AppContext.BaseDirectory);
            var pipelinesFolder = Path.GetFullPath(pipelinesRoot ?? Path.Combine(root, "pipelines"));
            if (!Directory.Exists(Path.Combine(pipelinesFolder, name)))
            {
                console.MarkupLineInterpolated($"[red]No pipeline '{name}' in {pipelinesFolder}.[/]");
                return 2;
            }
            var spec = PipelineSpecLoader.Load(Path.Combine(pipelinesFolder, name));
            if (Validate.PipelineChecks.Refuse(spec, Console.Error)) return 1;
            console.MarkupLineInterpolated($"[bold]{spec.Name}[/]: synthesizing the stack (cached when unchanged)...");
            var template = TemplateCache.TemplateFor(root, pipelinesFolder, spec.Name);
            var progress = new Progress<string>(line => console.MarkupLineInterpolated($"[grey]{line}[/]"));
            var summary = await PipelineSimulation.RunAsync(new SimulationRequest
            {
                Pipeline = spec, TemplatePath = template, Workspace = workspace, Days = days, Seed = seed, PipelinesRoot = pipelinesFolder,
            }, progress, cancellationToken);
            Render(console, summary.Json);
            if (json) Console.WriteLine(summary.Json.ToJsonString());
            return 0;
        }
        catch (Exception e) when (e is PipelineSpecException or ContractException or TemplateException or FileNotFoundException or DirectoryNotFoundException
                                   or FormatException or TimeoutException or InvalidOperationException or ArgumentException or NotSupportedException)
        {
            console.MarkupLineInterpolated($"[red]simulate failed:[/] {e.Message}");
            return 1;
        }
    }

    private static void Render(IAnsiConsole console, JsonObject s)
    {
        console.MarkupLineInterpolated($"[bold]{s["pipeline"]}[/] ({s["tier"]}): {s["days"]} days from {s["from"]}, seed {s["seed"]}, {s["wallSeconds"]} s");
        console.MarkupLineInterpolated($"Runs: {s["runs"]} — {Pairs(s["outcomes"])}");
        console.MarkupLineInterpolated($"Skips by reason: {Pairs(s["skips"])}");
        foreach (var failure in s["failures"]!.AsArray())
            console.MarkupLineInterpolated($"  failed {failure!["runId"]} at {failure["failedState"]}: {failure["error"]}");
        var incidents = s["incidents"]!;
        console.MarkupLineInterpolated($"Violation: {incidents["violation"]?["what"]} → run {incidents["violation"]?["runId"]} {incidents["violation"]?["status"]}");
        console.MarkupLineInterpolated($"Training failure: run {incidents["trainingFailure"]?["runId"]} {incidents["trainingFailure"]?["status"]} at {incidents["trainingFailure"]?["failedState"]}");
        console.MarkupLineInterpolated($"Drift: {incidents["drift"]}");
        foreach (var alarm in s["alarms"]!.AsArray())
            console.MarkupLineInterpolated($"Alarm {alarm!["name"]}: {alarm["state"]} (in ALARM {alarm["timesInAlarm"]}x)");
        console.MarkupLineInterpolated($"Deliveries: notifications {Pairs(s["deliveries"]!["notifications"])}; paging {Pairs(s["deliveries"]!["paging"])}");
        console.MarkupLineInterpolated($"Next: dashboard {s["pipeline"]} --workspace {s["workspace"]} --out DIR; alarms {s["pipeline"]} --workspace {s["workspace"]}");
    }

    private static string Pairs(JsonNode? node) => node is JsonObject o && o.Count > 0 ? string.Join(", ", o.Select(p => $"{p.Key} {p.Value}")) : "none";
}
