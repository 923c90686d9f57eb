using System.CommandLine;
using System.Text.Json;
using System.Text.Json.Nodes;
using Spectre.Console;
using TrainingOrchestration.Pipelines.Conventions;
using TrainingOrchestration.LocalRuntime.Runs;
using TrainingOrchestration.Pipelines;
using TrainingOrchestration.Cli.Commands.Run;

namespace TrainingOrchestration.Cli.Commands.Runs;

/// <summary>
/// <c>runs redrive PIPELINE RUN [--workspace DIR] [--json]</c> and <c>runs rerun ...</c>: what the Step Functions console's
/// "Redrive" and "New execution" do with a failed training run, on the local runtime (runbooks/rerun-vs-redrive.md).
/// With <c>--json</c> the last stdout line is the run's record as <c>runs --json</c> prints it.
/// </summary>
internal static class RedriveCommand
{
    public static Command Create(string name, bool redrive)
    {
        var pipeline = new Argument<string>("pipeline") { Description = "The pipeline of the failed run." };
        var runId = new Argument<string>("run") { Description = "The failed run's id." };
        var workspace = new Option<DirectoryInfo?>("--workspace") { Description = "The workspace the run ran in (default: the newest one under .local/runs holding it)." };
        var json = new Option<bool>("--json") { Description = "Print the run's record as JSON (the last line of stdout)." };
        var pipelines = new Option<DirectoryInfo?>("--pipelines") { Description = "The pipelines folder (default: <repository>/pipelines)." };
        var command = new Command(name, redrive
            ? "Redrive a failed run: its execution resumes at the step that failed, as the console's Redrive does."
            : "Rerun a failed run: a new execution with the failed run's input and a fresh run id, as the console's New execution does.")
        {
            pipeline, runId, workspace, json, pipelines,
        };
        command.SetAction((parse, cancellationToken) => ExecuteAsync(redrive, parse.GetValue(pipeline)!, parse.GetValue(runId)!,
            parse.GetValue(workspace)?.FullName, parse.GetValue(json), parse.GetValue(pipelines)?.FullName, cancellationToken));
        return command;
    }

    private static async Task<int> ExecuteAsync(bool redrive, string pipeline, string runId, string? workspace, bool json, string? pipelinesRoot, CancellationToken cancellationToken)
    {
        var console = json ? AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(Console.Error) }) : AnsiConsole.Console;
        try
        {
            var root = RepositoryRoot.Locate();
            pipelinesRoot = Path.GetFullPath(pipelinesRoot ?? Path.Combine(root, "pipelines"));
            workspace ??= RunCatalog.WorkspaceOf(Path.Combine(root, ".local", "runs"), pipeline, runId)
                ?? throw new DirectoryNotFoundException($"No workspace under .local/runs holds run {runId} of {pipeline}; pass --workspace DIR.");
            var spec = PipelineSpecLoader.Load(Path.Combine(pipelinesRoot, pipeline));
            var template = TemplateCache.TemplateFor(root, pipelinesRoot, spec.Name);
            console.MarkupLineInterpolated($"[bold]{spec.Name}[/]: {(redrive ? "redriving" : "rerunning")} run {runId} in {workspace}");

            var request = new LocalRedriveRequest { Pipeline = spec, TemplatePath = template, Workspace = workspace, RunId = runId, PipelinesRoot = pipelinesRoot };
            var outcome = redrive
                ? await LocalRedrive.RedriveAsync(request, cancellationToken: cancellationToken)
                : await LocalRedrive.RerunAsync(request, cancellationToken: cancellationToken);
            var shownRunId = outcome.Run?["runId"]?.GetValue<string>() ?? runId;
            var entry = RunCatalog.Find(workspace, shownRunId)
                ?? throw new InvalidOperationException($"The record of {workspace} has no run {shownRunId} after the {(redrive ? "redrive" : "rerun")}.");
            if (json)
            {
                Console.Out.WriteLine(entry.ToJsonString(new JsonSerializerOptions { WriteIndented = false }));
            }
            else
            {
                console.MarkupLineInterpolated($"run {shownRunId}: {entry["status"]?.ToString()}, decision [bold]{entry["decision"]?.ToString()}[/], redrives {entry["redriveCount"]?.ToString()}");
                console.MarkupLineInterpolated($"  reason: {entry["reason"]?.ToString() ?? ""}");
                if (entry["recoveredFrom"] is JsonObject recovered)
                {
                    console.MarkupLineInterpolated($"  recovered from {recovered["error"]?.ToString()} at {recovered["failedState"]?.ToString()}");
                }
            }
            return outcome.Succeeded ? 0 : 1;
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException or InvalidOperationException or TimeoutException
                                   or FormatException or ArgumentException or Pipelines.PipelineSpecException or TrainingOrchestration.Asl.StepFunctionsApiException)
        {
            console.MarkupLineInterpolated($"[red]runs {(redrive ? "redrive" : "rerun")} failed:[/] {e.Message}");
            return 1;
        }
    }
}
