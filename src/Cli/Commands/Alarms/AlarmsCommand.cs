using System.CommandLine;
using System.Text.Json;
using System.Text.Json.Nodes;
using Spectre.Console;
using TrainingOrchestration.LocalRuntime.CloudWatch;

namespace TrainingOrchestration.Cli.Commands.Alarms;

/// <summary>
/// <c>alarms PIPELINE --workspace DIR [--json]</c>: each of the pipeline's alarms with its state changes (time, from, to,
/// CloudWatch's reason), as evaluated offline against the workspace's metrics.
/// </summary>
internal static class AlarmsCommand
{
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };

    public static Command Create()
    {
        var pipeline = new Argument<string>("pipeline") { Description = "The pipeline whose alarms to list." };
        var workspace = new Option<DirectoryInfo>("--workspace") { Description = "The run workspace (as given to run).", Required = true };
        var json = new Option<bool>("--json") { Description = "Print [{name, state, transitions: [{time, from, to, reason}]}] for scripts." };
        var command = new Command("alarms", "List the pipeline's alarms and their state changes in a local workspace.") { pipeline, workspace, json };
        command.SetAction(parse => Execute(parse.GetValue(pipeline)!, parse.GetValue(workspace)!.FullName, parse.GetValue(json)));
        return command;
    }

    private static int Execute(string pipeline, string workspace, bool json)
    {
        if (!Directory.Exists(workspace))
        {
            Console.Error.WriteLine($"Workspace {workspace} does not exist.");
            return 2;
        }
        var alarms = LocalAlarms.Load(Path.Combine(workspace, "cloudwatch")).Select(p => p.Value).OfType<JsonObject>()
            .Where(a => a["pipeline"]?.GetValue<string>() == pipeline)
            .Select(a => new JsonObject
            {
                ["name"] = a["name"]?.DeepClone(),
                ["state"] = a["state"]?.DeepClone(),
                ["transitions"] = a["transitions"]?.DeepClone() ?? new JsonArray(),
            }).ToList();
        if (json)
        {
            Console.WriteLine(new JsonArray(alarms.Select(a => (JsonNode)a).ToArray()).ToJsonString(Indented));
            return 0;
        }
        if (alarms.Count == 0)
        {
            AnsiConsole.MarkupLineInterpolated($"No alarms of {pipeline} evaluated in {workspace}. Run it there first: run {pipeline} --workspace {workspace}");
            return 0;
        }
        foreach (var alarm in alarms)
        {
            AnsiConsole.MarkupLineInterpolated($"[bold]{alarm["name"]!.GetValue<string>()}[/]: {alarm["state"]!.GetValue<string>()}");
            foreach (var t in alarm["transitions"]!.AsArray().OfType<JsonObject>())
            {
                AnsiConsole.MarkupLineInterpolated($"  {t["time"]!.GetValue<string>()}  {t["from"]!.GetValue<string>()} → {t["to"]!.GetValue<string>()}  {t["reason"]!.GetValue<string>()}");
            }
        }
        return 0;
    }
}
