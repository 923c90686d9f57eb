using System.Diagnostics;
using System.Text.Json.Nodes;

namespace TrainingOrchestration.LocalRuntime.DynamoDb;

/// <summary>
/// A dynalite process (the DynamoDB-compatible server from npm) owned by the local runtime: bound to a free loopback
/// port, its data kept under <see cref="DataDirectory"/> (or in memory), stopped when disposed. On first use it installs
/// its npm package (<c>npm ci --prefix tools/dynalite</c>) when <c>node_modules</c> is missing.
/// </summary>
public sealed class DynaliteServer : IAsyncDisposable
{
    private readonly Process _process;

    private DynaliteServer(Process process, int port, string? dataDirectory)
    {
        _process = process;
        Port = port;
        DataDirectory = dataDirectory;
    }

    public int Port { get; }

    /// <summary>The endpoint to give the SDK's <c>ServiceURL</c> (the local runtime's own client and the one the task Lambdas get).</summary>
    public string Endpoint => $"http://127.0.0.1:{Port}";

    public string? DataDirectory { get; }

    /// <summary>Starts dynalite; <paramref name="dataDirectory"/> null keeps the tables in memory.</summary>
    /// <param name="toolDirectory">The folder holding dynalite's package.json; found from the repository root when null.</param>
    public static async Task<DynaliteServer> StartAsync(string? dataDirectory, string? toolDirectory = null, CancellationToken cancellationToken = default)
    {
        var tool = toolDirectory ?? ToolLocator.Find("tools/dynalite");
        if (!File.Exists(Path.Combine(tool, "node_modules", "dynalite", "package.json"))) await InstallAsync(tool, cancellationToken);
        if (dataDirectory is not null) Directory.CreateDirectory(dataDirectory);

        var start = new ProcessStartInfo("node")
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = tool,
        };
        start.ArgumentList.Add(Path.Combine(tool, "serve.js"));
        if (dataDirectory is not null)
        {
            start.ArgumentList.Add("--path");
            start.ArgumentList.Add(Path.GetFullPath(dataDirectory));
        }
        var process = Process.Start(start) ?? throw new InvalidOperationException("Could not start node for dynalite; is Node.js installed and on PATH?");
        var stderr = process.StandardError.ReadToEndAsync(cancellationToken);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(TimeSpan.FromSeconds(30));
        string? line;
        try
        {
            line = await process.StandardOutput.ReadLineAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            line = null;
        }
        if (line is null || JsonNode.Parse(line)?["port"] is not JsonValue portValue)
        {
            if (!process.HasExited) process.Kill(entireProcessTree: true);
            var error = stderr.IsCompleted ? await stderr : "";
            throw new InvalidOperationException($"dynalite did not start (data directory {dataDirectory ?? "in memory"}): {error.Trim()}");
        }
        return new DynaliteServer(process, portValue.GetValue<int>(), dataDirectory);
    }

    private static async Task InstallAsync(string tool, CancellationToken cancellationToken)
    {
        foreach (var command in new[] { "ci", "install" })
        {
            var start = new ProcessStartInfo("npm") { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
            foreach (var argument in new[] { command, "--prefix", tool, "--no-audit", "--no-fund" }) start.ArgumentList.Add(argument);
            using var npm = Process.Start(start) ?? throw new InvalidOperationException("Could not start npm to install dynalite; is npm installed and on PATH?");
            var output = npm.StandardOutput.ReadToEndAsync(cancellationToken);
            var error = npm.StandardError.ReadToEndAsync(cancellationToken);
            await npm.WaitForExitAsync(cancellationToken);
            if (npm.ExitCode == 0) return;
            if (command == "install")
            {
                throw new InvalidOperationException($"npm {command} --prefix {tool} failed with exit code {npm.ExitCode}: {(await error).Trim()} {(await output).Trim()}");
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_process.HasExited)
        {
            _process.Dispose();
            return;
        }
        try
        {
            _process.StandardInput.Close();
            using var grace = new CancellationTokenSource(TimeSpan.FromSeconds(3));
            await _process.WaitForExitAsync(grace.Token);
        }
        catch (OperationCanceledException)
        {
            _process.Kill(entireProcessTree: true);
        }
        _process.Dispose();
    }
}
