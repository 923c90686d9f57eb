using System.CommandLine;
using Spectre.Console;
using TrainingOrchestration.Asl;
using TrainingOrchestration.Contracts;
using TrainingOrchestration.Infra;
using TrainingOrchestration.LocalRuntime.Runs;
using TrainingOrchestration.LocalRuntime.Templates;
using TrainingOrchestration.Pipelines;
using TrainingOrchestration.Pipelines.Conventions;

namespace TrainingOrchestration.Cli.Commands.Run;

/// <summary>
/// <c>run PIPELINE [--event FILE] [--data FILE] [--workspace DIR] [--mock-config FILE --test-case NAME]</c>: the README's
/// main command. Deploys the pipeline's synthesized stack on the local runtime and sends the CDC event through it.
/// </summary>
internal static class RunCommand
{
    public static Command Create()
    {
        var pipeline = new Argument<string>("pipeline") { Description = "The pipeline to run (a folder under pipelines/)." };
        var eventFile = new Option<FileInfo?>("--event") { Description = "The CDC event to send (default: the pipeline's bundled sample event)." };
        var dataFile = new Option<FileInfo?>("--data") { Description = "A CSV of the source table to use instead of the bundled sample." };
        var workspace = new Option<DirectoryInfo?>("--workspace")
        {
            Description = "Reuse this workspace so champion, bookmarks, counters and lock carry over (default: a new .local/runs/<time>-<pipeline>/).",
        };
        var mockConfig = new Option<FileInfo?>("--mock-config") { Description = "A Step Functions Local MockConfigFile to make Tasks misbehave." };
        var testCase = new Option<string?>("--test-case") { Description = "The MockConfigFile test case to apply." };
        var pipelines = new Option<DirectoryInfo?>("--pipelines") { Description = "The pipelines folder (default: <repository>/pipelines)." };
        var command = new Command("run", "Run a pipeline end to end on the local runtime: trigger, training workflow and callback, as on AWS.")
        {
            pipeline, eventFile, dataFile, workspace, mockConfig, testCase, pipelines,
        };
        command.SetAction((parse, cancellationToken) => ExecuteAsync(new RunArguments(
            parse.GetValue(pipeline)!, parse.GetValue(eventFile)?.FullName, parse.GetValue(dataFile)?.FullName, parse.GetValue(workspace)?.FullName,
            parse.GetValue(mockConfig)?.FullName, parse.GetValue(testCase), parse.GetValue(pipelines)?.FullName), cancellationToken));
        return command;
    }

    private static async Task<int> ExecuteAsync(RunArguments arguments, CancellationToken cancellationToken)
    {
        var console = AnsiConsole.Console;
        try
        {
            var root = RepositoryRoot.TryFind(Directory.GetCurrentDirectory()) ?? RepositoryRoot.Find(AppContext.BaseDirectory);
            var pipelinesRoot = arguments.PipelinesRoot ?? Path.Combine(root, "pipelines");
            var pipelineDirectory = Path.Combine(pipelinesRoot, arguments.Pipeline);
            if (!Directory.Exists(pipelineDirectory))
            {
                var known = Directory.Exists(pipelinesRoot) ? string.Join(", ", Directory.GetDirectories(pipelinesRoot).Select(Path.GetFileName)) : "none";
                console.MarkupLineInterpolated($"[red]No pipeline '{arguments.Pipeline}' in {pipelinesRoot}.[/] Known pipelines: {known}.");
                return 2;
            }
            if ((arguments.MockConfig is null) != (arguments.TestCase is null))
            {
                console.MarkupLine("[red]--mock-config and --test-case go together.[/]");
                return 2;
            }
            var spec = PipelineSpecLoader.Load(pipelineDirectory);
            if (Validate.PipelineChecks.Refuse(spec, Console.Error)) return 1;
            var mocks = arguments.MockConfig is null ? null : MockConfig.Parse(await File.ReadAllTextAsync(arguments.MockConfig, cancellationToken));
            var workspace = arguments.Workspace ?? Path.Combine(root, ".local", "runs", $"{DateTime.Now:yyyyMMdd-HHmmss}-{spec.Name}");

            console.MarkupLineInterpolated($"[bold]{spec.Name}[/]: synthesizing the stack (cached when unchanged)...");
            var template = TemplateCache.TemplateFor(root, Path.GetFullPath(pipelinesRoot), spec.Name);
            console.MarkupLineInterpolated($"[grey]template {template}[/]");
            console.MarkupLineInterpolated($"[grey]workspace {workspace}[/]");

            var view = new RunProgressView(console);
            var outcome = await LocalRun.ExecuteAsync(new LocalRunRequest
            {
                Pipeline = spec,
                TemplatePath = template,
                Workspace = workspace,
                EventFile = arguments.EventFile,
                DataFile = arguments.DataFile,
                MockConfig = mocks,
                TestCase = arguments.TestCase,
                PipelinesRoot = Path.GetFullPath(pipelinesRoot),
            }, view, cancellationToken);
            view.Flush();
            RunSummaryView.Render(console, outcome, spec, outcome.Report?.Report);
            return outcome.Succeeded ? 0 : 1;
        }
        catch (Exception e) when (e is PipelineSpecException or ContractException or TemplateException or FileNotFoundException or DirectoryNotFoundException
                                   or FormatException or TimeoutException or InvalidOperationException or ArgumentException)
        {
            console.MarkupLineInterpolated($"[red]run failed:[/] {e.Message}");
            return 1;
        }
    }

    private sealed record RunArguments(string Pipeline, string? EventFile, string? DataFile, string? Workspace, string? MockConfig, string? TestCase, string? PipelinesRoot);
}
