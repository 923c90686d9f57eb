using System.CommandLine;
using System.Text.Json;
using System.Text.Json.Nodes;
using Spectre.Console;
using TrainingOrchestration.Cli.Commands.Run;
using TrainingOrchestration.Cli.Commands.Runs;
using TrainingOrchestration.LocalRuntime.Runs;
using TrainingOrchestration.Pipelines;
using TrainingOrchestration.Pipelines.Conventions;

namespace TrainingOrchestration.Cli.Commands.Models;

/// <summary>
/// <c>models PIPELINE [--workspace DIR] [--json]</c>: every model version of the pipeline with its status (CANDIDATE,
/// CHAMPION, RETIRED, REJECTED) and model package; <c>models PIPELINE rollback VERSION [--workspace DIR]</c>: the
/// champion back to that version, as one conditional, recorded operation (runbooks/rollback-model.md).
/// </summary>
internal static class ModelsCommand
{
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };

    public static Command Create()
    {
        var pipeline = new Argument<string>("pipeline") { Description = "The pipeline whose model versions to list." };
        var workspace = new Option<DirectoryInfo?>("--workspace") { Description = "The workspace (default: the newest one under .local/runs with a run of the pipeline)." };
        var json = new Option<bool>("--json") { Description = "Print the versions as JSON for scripts." };
        var command = new Command("models", "List a pipeline's model versions with their status and model package.") { pipeline, workspace, json };
        command.SetAction(parse => Guarded("models", () => List(parse.GetValue(pipeline)!, parse.GetValue(workspace)?.FullName, parse.GetValue(json))));

        var version = new Argument<string>("version") { Description = "The run id of the version to restore as champion." };
        var reason = new Option<string?>("--reason") { Description = "Why (recorded with the rollback and in its event)." };
        var pipelines = new Option<DirectoryInfo?>("--pipelines") { Description = "The pipelines folder (default: <repository>/pipelines)." };
        var rollback = new Command("rollback", "Make an earlier (retired) version the champion again: one conditional write, recorded, with a Model Rolled Back event.")
        {
            version, workspace, reason, json, pipelines,
        };
        rollback.SetAction((parse, cancellationToken) => GuardedAsync("models rollback", () => RollbackAsync(parse.GetValue(pipeline)!, parse.GetValue(version)!,
            parse.GetValue(workspace)?.FullName, parse.GetValue(reason), parse.GetValue(json), parse.GetValue(pipelines)?.FullName, cancellationToken)));
        command.Subcommands.Add(rollback);
        return command;
    }

    private static int List(string pipeline, string? workspace, bool json)
    {
        var versions = ModelVersions.List(Workspace(pipeline, workspace), pipeline);
        if (json)
        {
            Console.WriteLine(new JsonArray(versions.Select(v => (JsonNode)v.DeepClone()).ToArray()).ToJsonString(Indented));
            return 0;
        }
        if (versions.Count == 0)
        {
            AnsiConsole.MarkupLineInterpolated($"{pipeline} has no model versions yet. Train one with: run {pipeline}");
            return 0;
        }
        var table = new Table().Border(TableBorder.Rounded).AddColumns("Version", "Status", "Package", "Approval", "Metrics", "Artifact");
        foreach (var v in versions)
        {
            var metrics = v["metrics"] is JsonObject m ? string.Join(", ", m.Take(3).Select(p => $"{p.Key} {p.Value}")) : "";
            table.AddRow(Markup.Escape(v["version"]!.ToString()), Markup.Escape(v["status"]?.ToString() ?? ""), Markup.Escape(v["modelPackageVersion"]?.ToString() ?? "-"),
                Markup.Escape(v["approvalStatus"]?.ToString() ?? "-"), Markup.Escape(metrics), Markup.Escape(v["artifact"]?.ToString() ?? ""));
        }
        AnsiConsole.Write(table);
        return 0;
    }

    private static async Task<int> RollbackAsync(string pipeline, string version, string? workspace, string? reason, bool json, string? pipelinesRoot, CancellationToken cancellationToken)
    {
        var root = RepositoryRoot.Locate();
        pipelinesRoot = Path.GetFullPath(pipelinesRoot ?? Path.Combine(root, "pipelines"));
        var spec = PipelineSpecLoader.Load(Path.Combine(pipelinesRoot, pipeline));
        var result = await LocalModelRollback.RunAsync(new LocalModelRollbackRequest
        {
            Pipeline = spec,
            TemplatePath = TemplateCache.TemplateFor(root, pipelinesRoot, spec.Name),
            Workspace = Workspace(pipeline, workspace),
            Version = version,
            Reason = reason ?? $"rollback to {version}",
            PipelinesRoot = pipelinesRoot,
        }, cancellationToken);
        if (json) Console.Out.WriteLine(result.ToJsonString());
        else AnsiConsole.MarkupLineInterpolated($"[bold]{pipeline}[/]: champion rolled back from {result["from"]} to [bold]{version}[/] ({result["artifact"]}); {DetailTypes.ModelRolledBack} published.");
        return 0;
    }

    /// <summary>The given workspace, or the newest under .local/runs that recorded a run of <paramref name="pipeline"/>.</summary>
    internal static string Workspace(string pipeline, string? given)
    {
        if (given is not null) return given;
        var runs = Path.Combine(RepositoryRoot.Locate(), ".local", "runs");
        return RunCatalog.Load(runs, pipeline).OrderByDescending(r => r["exportedAt"]?.GetValue<string>(), StringComparer.Ordinal)
                   .FirstOrDefault()?["workspace"]?.GetValue<string>()
               ?? throw new DirectoryNotFoundException($"No workspace under {runs} has a run of {pipeline}; pass --workspace DIR or run {pipeline} first.");
    }

    private static int Guarded(string command, Func<int> action)
    {
        try
        {
            return action();
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException or InvalidOperationException or PipelineSpecException or JsonException)
        {
            Console.Error.WriteLine($"{command} failed: {e.Message}");
            return 1;
        }
    }

    private static async Task<int> GuardedAsync(string command, Func<Task<int>> action)
    {
        try
        {
            return await action();
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException or InvalidOperationException or PipelineSpecException or JsonException)
        {
            Console.Error.WriteLine($"{command} failed: {e.Message}");
            return 1;
        }
    }
}
