using System.CommandLine;
using Spectre.Console;
using TrainingOrchestration.Cli.Commands.Run;
using TrainingOrchestration.Infra;
using TrainingOrchestration.Pipelines.Conventions;
using TrainingOrchestration.LocalRuntime;
using TrainingOrchestration.LocalRuntime.CloudWatch;
using TrainingOrchestration.LocalRuntime.Dashboards;
using TrainingOrchestration.LocalRuntime.Runs;
using TrainingOrchestration.LocalRuntime.Ingress;
using TrainingOrchestration.LocalRuntime.Templates;

namespace TrainingOrchestration.Cli.Commands.Dashboard;

/// <summary>
/// <c>dashboard PIPELINE [--workspace DIR] --out DIR</c>: the weekly-review dashboard the stack deploys, drawn from the
/// local metric store of one workspace (or of every recorded workspace of the pipeline).
/// </summary>
internal static class DashboardCommand
{
    public static Command Create()
    {
        var pipeline = new Argument<string>("pipeline") { Description = "The pipeline whose dashboard to draw." };
        var workspace = new Option<DirectoryInfo?>("--workspace") { Description = "The workspace whose metrics to show (default: every workspace of the pipeline under .local/runs)." };
        var output = new Option<DirectoryInfo>("--out") { Description = "Where to write index.html, the PNGs and widgets.json.", Required = true };
        var command = new Command("dashboard", "Draw the pipeline's CloudWatch dashboard from the metrics of local runs.") { pipeline, workspace, output };
        command.SetAction(parse => Execute(parse.GetValue(pipeline)!, parse.GetValue(workspace)?.FullName, parse.GetValue(output)!.FullName));
        return command;
    }

    private static int Execute(string pipeline, string? workspace, string output)
    {
        try
        {
            var root = RepositoryRoot.TryFind(Directory.GetCurrentDirectory()) ?? RepositoryRoot.Find(AppContext.BaseDirectory);
            var template = TemplateCache.TemplateFor(root, Path.Combine(root, "pipelines"), pipeline);
            var stack = StackTemplateLoader.Load(template, new StackEnvironment(LocalCloud.StackNameOf(template), "us-east-1", "123456789012")
            {
                Parameters = LocalSourceParameters.For("us-east-1", "123456789012"),
            });
            var dashboard = DashboardDefinition.FromStack(stack);
            var workspaces = workspace is not null ? [workspace] : Workspaces(Path.Combine(root, ".local", "runs"), pipeline);
            if (workspaces.Count == 0 || !workspaces.All(Directory.Exists))
            {
                AnsiConsole.MarkupLineInterpolated($"[red]No workspace with metrics for {pipeline}.[/] Run it first: run {pipeline}");
                return 2;
            }
            var data = workspaces.SelectMany(w => LocalMetricStore.ForWorkspace(w).All).ToList();
            var runs = Runs.RunCatalog.LoadWorkspaces(workspaces, pipeline).Select(Row).ToList();
            var index = DashboardWriter.Write(dashboard, data, output, workspaces.Count == 1 ? workspaces[0] : $"{workspaces.Count} workspaces under .local/runs", runs);
            AnsiConsole.MarkupLineInterpolated($"[green]{dashboard.Name}[/]: {dashboard.Widgets.Count(w => w.Type == "metric")} widgets from {data.Count} datapoints → {index}");
            return 0;
        }
        catch (Exception e) when (e is TemplateException or FormatException or NotSupportedException or IOException)
        {
            AnsiConsole.MarkupLineInterpolated($"[red]dashboard failed:[/] {e.Message}");
            return 1;
        }
    }

    private static RunRow Row(System.Text.Json.Nodes.JsonObject run)
    {
        static string Text(System.Text.Json.Nodes.JsonNode? node) => node is System.Text.Json.Nodes.JsonValue v && v.TryGetValue<string>(out var s) ? s : node?.ToJsonString() ?? "";
        var metrics = run["metrics"] is System.Text.Json.Nodes.JsonValue m && m.TryGetValue<string>(out var json) ? System.Text.Json.Nodes.JsonNode.Parse(json) : run["metrics"];
        var auc = Runs.RunsCommand.HeadlineMetric(metrics);
        var cost = run["cost"]?["totalUsd"] is System.Text.Json.Nodes.JsonValue c && c.TryGetValue<double>(out var usd) ? usd : (double?)null;
        return new RunRow(Text(run["runId"]), Text(run["startedAt"]), Text(run["status"]), Text(run["decision"]), Text(run["reason"]), auc, cost);
    }

    private static List<string> Workspaces(string runs, string pipeline) => !Directory.Exists(runs) ? [] :
        Directory.EnumerateDirectories(runs).Where(w => RunRecord.Read(w)?["pipeline"]?.GetValue<string>() == pipeline).Order(StringComparer.Ordinal).ToList();
}
