using System.CommandLine;
using System.Net;
using TrainingOrchestration.Cli.Commands.Models;
using TrainingOrchestration.LocalRuntime.Serving;

namespace TrainingOrchestration.Cli.Commands.Serve;

/// <summary>
/// <c>serve PIPELINE [--port P] [--workspace DIR]</c>: the pipeline's champion behind SageMaker's inference contract
/// (<c>GET /ping</c>, <c>POST /invocations</c> with <c>text/csv</c>), scored with the same libxgboost as the local
/// batch transform, until Ctrl+C. With <c>--endpoint NAME</c> it serves what the pipeline's local endpoint serves instead
/// (after a rolled-back deployment, the previous model).
/// </summary>
internal static class ServeCommand
{
    public static Command Create()
    {
        var pipeline = new Argument<string>("pipeline") { Description = "The pipeline whose champion to serve." };
        var port = new Option<int>("--port") { Description = "The port on 127.0.0.1 (default 8080, as the SageMaker container).", DefaultValueFactory = _ => LocalModelServer.DefaultPort };
        var workspace = new Option<DirectoryInfo?>("--workspace") { Description = "The workspace (default: the newest one under .local/runs with a run of the pipeline)." };
        var endpoint = new Option<string?>("--endpoint") { Description = "Serve the model the local endpoint of this name serves (deployment.endpoint), not the champion." };
        var command = new Command("serve", "Serve the pipeline's champion with SageMaker's inference contract (GET /ping, POST /invocations text/csv).") { pipeline, port, workspace, endpoint };
        command.SetAction((parse, cancellationToken) => ServeAsync(parse.GetValue(pipeline)!, parse.GetValue(port), parse.GetValue(workspace)?.FullName, parse.GetValue(endpoint), cancellationToken));
        return command;
    }

    private static async Task<int> ServeAsync(string pipeline, int port, string? workspace, string? endpoint, CancellationToken cancellationToken)
    {
        if (port is < 1 or > 65535)
        {
            Console.Error.WriteLine($"serve failed: --port {port} is not a TCP port (1 to 65535).");
            return 1;
        }
        try
        {
            var folder = ModelsCommand.Workspace(pipeline, workspace);
            var (served, artifact) = endpoint is null ? LocalModelServer.Champion(folder) : LocalModelServer.Endpoint(folder, endpoint);
            Console.Error.WriteLine(endpoint is null ? $"{pipeline}: champion {served}" : $"{pipeline}: endpoint {endpoint} on {served}");
            await LocalModelServer.ServeAsync(artifact, port, Console.Error.WriteLine, cancellationToken);
            return 0;
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException or InvalidOperationException or HttpListenerException)
        {
            Console.Error.WriteLine($"serve failed: {e.Message}");
            return 1;
        }
    }
}
