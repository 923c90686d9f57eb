using System.Diagnostics;
using System.Text.Json;

namespace TrainingOrchestration.TestSupport;

/// <summary>
/// A dynalite server for adapter tests, started from the repository's <c>tools/dynalite</c> (the same DynamoDB
/// stand-in the local runtime uses), in memory, on a free loopback port; killed by its own process id on dispose.
/// <see cref="Start"/> returns null when Node.js or the installed package is missing, so the test can skip.
/// </summary>
public sealed class DynaliteProcess : IDisposable
{
    private readonly Process _process;

    private DynaliteProcess(Process process, int port)
    {
        _process = process;
        Endpoint = $"http://127.0.0.1:{port}";
    }

    public string Endpoint { get; }

    public const string MissingMessage = "dynalite is not installed (tools/dynalite/node_modules) or node is not on PATH";

    public static DynaliteProcess? Start()
    {
        var root = Repository.Root;
        var tool = Path.Combine(root, "tools", "dynalite");
        if (!File.Exists(Path.Combine(tool, "node_modules", "dynalite", "package.json"))) return null;
        var start = new ProcessStartInfo("node")
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = tool,
        };
        start.ArgumentList.Add(Path.Combine(tool, "serve.js"));
        Process process;
        try
        {
            process = Process.Start(start)!;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return null;
        }
        var line = process.StandardOutput.ReadLineAsync().WaitAsync(TimeSpan.FromSeconds(30)).GetAwaiter().GetResult();
        using var ready = JsonDocument.Parse(line ?? throw new InvalidOperationException("dynalite exited before listening"));
        return new DynaliteProcess(process, ready.RootElement.GetProperty("port").GetInt32());
    }

    public void Dispose()
    {
        if (!_process.HasExited)
        {
            _process.Kill();
            _process.WaitForExit(5000);
        }
        _process.Dispose();
    }
}
