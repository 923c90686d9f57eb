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
/// <c>run PIPELINE [--changes FILE | --event FILE] [--data FILE] [--workspace DIR] [--mock-config FILE --test-case NAME] [--json]</c>:
/// the README's main command. Deploys the pipeline's synthesized stack on the local runtime, seeds raw/ with the data, and
/// replays the change file through the ingress (or sends one CDC event). With <c>--json</c> the last stdout line is one
/// JSON object: runId, status, decision, reason, workspace, featuresTable, changes.
/// </summary>
internal static class RunCommand
{
    public static Command Create()
    {
        var pipeline = new Argument<string>("pipeline") { Description = "The pipeline to run (a folder under pipelines/)." };
        var eventFile = new Option<FileInfo?>("--event") { Description = "The CDC event to send (default: the pipeline's bundled sample event)." };
        var dataFile = new Option<FileInfo?>("--data") { Description = "A CSV of the source table that seeds its initial snapshot (default: the bundled sample)." };
        var changesFile = new Option<FileInfo?>("--changes")
        {
            Description = "Change records in the source's native shape to replay through the ingress (default: the pipeline's bundled change file, unless --event is given).",
        };
        var json = new Option<bool>("--json") { Description = "End with one JSON line: runId, status, decision, reason, workspace, featuresTable, changes." };
        var workspace = new Option<DirectoryInfo?>("--workspace")
        {
            Description = "Reuse this workspace so champion, bookmarks, counters and lock carry over (default: a new .local/runs/<time>-<pipeline>/).",
        };
        var mockConfig = new Option<FileInfo?>("--mock-config") { Description = "A Step Functions Local MockConfigFile to make Tasks misbehave." };
        var testCase = new Option<string?>("--test-case") { Description = "The MockConfigFile test case to apply." };
        var pipelines = new Option<DirectoryInfo?>("--pipelines") { Description = "The pipelines folder (default: <repository>/pipelines)." };
        var command = new Command("run", "Run a pipeline end to end on the local runtime: trigger, training workflow and callback, as on AWS.")
        {
            pipeline, eventFile, changesFile, dataFile, workspace, mockConfig, testCase, pipelines, json,
        };
        command.SetAction((parse, cancellationToken) => ExecuteAsync(new RunArguments(
            parse.GetValue(pipeline)!, parse.GetValue(eventFile)?.FullName, parse.GetValue(dataFile)?.FullName, parse.GetValue(workspace)?.FullName,
            parse.GetValue(mockConfig)?.FullName, parse.GetValue(testCase), parse.GetValue(pipelines)?.FullName)
        {
            ChangesFile = parse.GetValue(changesFile)?.FullName, Json = parse.GetValue(json),
        }, cancellationToken));
        return command;
    }

    private static async Task<int> ExecuteAsync(RunArguments arguments, CancellationToken cancellationToken)
    {
        var console = AnsiConsole.Console;
        string? workspace = null;
        try
        {
            var root = RepositoryRoot.TryFind(Directory.GetCurrentDirectory()) ?? RepositoryRoot.Find(AppContext.BaseDirectory);
            var pipelinesRoot = arguments.PipelinesRoot ?? Path.Combine(root, "pipelines");
            var pipelineDirectory = Path.Combine(pipelinesRoot, arguments.Pipeline);
            if (!Directory.Exists(pipelineDirectory))
            {
                var known = Directory.Exists(pipelinesRoot) ? string.Join(", ", Directory.GetDirectories(pipelinesRoot).Select(Path.GetFileName)) : "none";
                console.MarkupLineInterpolated($"[red]No pipeline '{arguments.Pipeline}' in {pipelinesRoot}.[/] Known pipelines: {known}.");
                if (arguments.Json) RunJson.WriteFailure(null, $"No pipeline '{arguments.Pipeline}' in {pipelinesRoot}.");
                return 2;
            }
            if ((arguments.MockConfig is null) != (arguments.TestCase is null))
            {
                console.MarkupLine("[red]--mock-config and --test-case go together.[/]");
                if (arguments.Json) RunJson.WriteFailure(null, "--mock-config and --test-case go together.");
                return 2;
            }
            var spec = PipelineSpecLoader.Load(pipelineDirectory);
            if (Validate.PipelineChecks.Refuse(spec, Console.Error)) return 1;
            var mocks = arguments.MockConfig is null ? null : await ReadMocksAsync(arguments.MockConfig, cancellationToken);
            if (mocks is not null && !mocks.TestCaseNames.Contains(arguments.TestCase!, StringComparer.Ordinal))
            {
                var known = mocks.TestCaseNames.Count == 0 ? "none" : string.Join(", ", mocks.TestCaseNames);
                var message = $"{arguments.MockConfig}: StateMachines.*.TestCases: no test case '{arguments.TestCase}' (--test-case); the file defines: {known}.";
                Console.Error.WriteLine(message);
                if (arguments.Json) RunJson.WriteFailure(null, message);
                return 2;
            }
            if (arguments.EventFile is not null) EventFile.Read(arguments.EventFile);
            workspace = arguments.Workspace ?? Path.Combine(root, ".local", "runs", $"{DateTime.Now:yyyyMMdd-HHmmss}-{spec.Name}");
            // Before the stack is synthesized: a workspace another run holds is refused at once (LocalRun holds it for the run).
            WorkspaceLock.Acquire(workspace).Dispose();

            console.MarkupLineInterpolated($"[bold]{spec.Name}[/]: synthesizing the stack (cached when unchanged)...");
            string template;
            try
            {
                // jsii cannot be cancelled mid-call: an interrupt leaves the synthesis to die with the process (the next
                // run removes its half-built folder) and the command ends at once, before any run or record exists.
                template = await Task.Run(() => TemplateCache.TemplateFor(root, Path.GetFullPath(pipelinesRoot), spec.Name), CancellationToken.None)
                    .WaitAsync(cancellationToken);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                Console.Error.WriteLine("run interrupted while the stack was synthesized: no run started and nothing was recorded.");
                if (arguments.Json) RunJson.WriteFailure(null, "interrupted while the stack was synthesized");
                return Errors.UnexpectedErrorReport.Cancelled;
            }
            console.MarkupLineInterpolated($"[grey]template {template}[/]");
            console.MarkupLineInterpolated($"[grey]workspace {workspace}[/]");

            var view = new RunProgressView(console);
            var outcome = await LocalRun.ExecuteAsync(new LocalRunRequest
            {
                Pipeline = spec,
                TemplatePath = template,
                Workspace = workspace,
                EventFile = arguments.EventFile,
                ChangesFile = arguments.ChangesFile,
                DataFile = arguments.DataFile,
                MockConfig = mocks,
                TestCase = arguments.TestCase,
                PipelinesRoot = Path.GetFullPath(pipelinesRoot),
            }, view, cancellationToken);
            view.Flush();
            RunSummaryView.Render(console, outcome, spec, outcome.Report?.Report);
            if (outcome.UnmatchedRules.Count > 0) Console.Error.WriteLine(RunSummaryView.NoRuleMatched(outcome));
            if (arguments.Json) RunJson.Write(outcome);
            if (outcome.Interrupted)
            {
                var runId = outcome.Run?["runId"]?.GetValue<string>();
                Console.Error.WriteLine(runId is null
                    ? $"run interrupted before a run started; the workspace is recorded in {Path.Combine(outcome.Workspace, RunRecord.FileName)}."
                    : $"run interrupted: the training execution of {runId} was stopped (ABORTED) and the run recorded as {outcome.Run?["status"]} in {Path.Combine(outcome.Workspace, RunRecord.FileName)}; "
                      + $"resume it with: runs redrive {spec.Name} {runId} --workspace {outcome.Workspace}");
                return Errors.UnexpectedErrorReport.Cancelled;
            }
            return outcome.Succeeded ? 0 : 1;
        }
        catch (Exception e) when (e is PipelineSpecException or ContractException or TemplateException or FileNotFoundException or DirectoryNotFoundException
                                   or FormatException or TimeoutException or InvalidOperationException or ArgumentException)
        {
            Console.Error.WriteLine($"run failed: {e.Message}");
            if (arguments.Json) RunJson.WriteFailure(workspace, e.Message);
            return 1;
        }
    }

    /// <summary>The MockConfigFile, with its path in every error (the parser names the field).</summary>
    private static async Task<MockConfig> ReadMocksAsync(string file, CancellationToken cancellationToken)
    {
        try
        {
            return MockConfig.Parse(await File.ReadAllTextAsync(file, cancellationToken));
        }
        catch (FormatException e)
        {
            throw new FormatException($"{file}: {e.Message}", e);
        }
    }

    private sealed record RunArguments(string Pipeline, string? EventFile, string? DataFile, string? Workspace, string? MockConfig, string? TestCase, string? PipelinesRoot)
    {
        public string? ChangesFile { get; init; }
        public bool Json { get; init; }
    }
}
