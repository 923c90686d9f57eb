using System.Diagnostics;
using System.Runtime.InteropServices;
using System.Text.Json.Nodes;

namespace TrainingOrchestration.Cli.Tests.Run;

/// <summary>
/// Issue 14 item 8, "a killed run leaves no process behind", and what Ctrl+C or SIGTERM does to a run: the CLI is
/// started as a user starts it, signalled while its dynalite child serves the workspace's table, and the test looks
/// for that child in <c>/proc</c> afterwards (Linux: the signals and the process table are POSIX ones).
/// </summary>
public sealed class InterruptedRunTests
{
    private static readonly TimeSpan StartBudget = TimeSpan.FromMinutes(4);

    [SkippableFact]
    public async Task A_run_killed_with_sigkill_while_dynalite_serves_it_leaves_no_dynalite_of_its_workspace_behind()
    {
        Skip.IfNot(OperatingSystem.IsLinux(), "reads the process table from /proc");
        using var runs = new TempDirectory("cli-killed-run-");
        var workspace = Path.Combine(runs.Path, "churn");
        using var cli = Start("run", "churn", "--workspace", workspace);
        try
        {
            _ = cli.StandardError.ReadToEndAsync();
            var output = Follow(cli);

            // Killed once the run wrote to the table: dynalite is up and serving, past its start-up handshake.
            Assert.True(await Eventually(() => output.Any(l => l.Contains(RunRecorded, StringComparison.Ordinal)), StartBudget),
                "the training execution never recorded its run:\n" + string.Join('\n', output));
            Assert.NotEmpty(DynaliteOf(workspace));
            cli.Kill(); // SIGKILL: no handler and no dispose run; only the child's own watch on its stdin can end it.
            await cli.WaitForExitAsync();

            await Eventually(() => DynaliteOf(workspace).Count == 0, TimeSpan.FromSeconds(5));
            var survivors = DynaliteOf(workspace);
            foreach (var pid in survivors) Process.GetProcessById(pid).Kill();
            Assert.Empty(survivors);
        }
        finally
        {
            if (!cli.HasExited) cli.Kill();
        }
    }

    [SkippableFact]
    public async Task A_run_sent_sigterm_mid_way_stops_its_execution_records_the_run_and_leaves_no_dynalite_behind()
    {
        Skip.IfNot(OperatingSystem.IsLinux(), "sends a POSIX signal and reads the process table from /proc");
        using var runs = new TempDirectory("cli-terminated-run-");
        var workspace = Path.Combine(runs.Path, "churn");
        using var cli = Start("run", "churn", "--workspace", workspace);
        try
        {
            var error = cli.StandardError.ReadToEndAsync();
            var output = Follow(cli);

            // The run item exists from RecordRunStarted on; features, validation and training are still ahead.
            Assert.True(await Eventually(() => output.Any(l => l.Contains(RunRecorded, StringComparison.Ordinal)), StartBudget),
                "the training execution never recorded its run:\n" + string.Join('\n', output));
            Assert.Equal(0, Kill(cli.Id, Sigterm));
            using var exitBudget = new CancellationTokenSource(TimeSpan.FromSeconds(30));
            await cli.WaitForExitAsync(exitBudget.Token);

            Assert.Equal(130, cli.ExitCode);
            Assert.Contains("run interrupted", await error);
            var record = JsonNode.Parse(File.ReadAllText(Path.Combine(workspace, "record.json")))!;
            var run = Assert.Single(record["runs"]!.AsArray())!;
            Assert.Equal("FAILED", run["status"]!.GetValue<string>());
            var training = Assert.Single(record["executions"]!.AsArray(), e => e!["stateMachine"]!.GetValue<string>() == "churn-training")!;
            Assert.Equal("ABORTED", training["status"]!.GetValue<string>());
            await Eventually(() => DynaliteOf(workspace).Count == 0, TimeSpan.FromSeconds(5));
            Assert.Empty(DynaliteOf(workspace));
        }
        finally
        {
            if (!cli.HasExited) cli.Kill();
        }
    }

    [SkippableFact]
    public async Task A_run_sent_sigterm_while_the_stack_is_synthesized_ends_at_once_and_leaves_no_node_behind()
    {
        Skip.IfNot(OperatingSystem.IsLinux(), "sends a POSIX signal and reads the process table from /proc");
        using var runs = new TempDirectory("cli-terminated-synth-");
        // A pipelines folder of its own, with a file no other has: the template cache misses and jsii synthesizes.
        var pipelines = Path.Combine(runs.Path, "pipelines");
        Repository.CopyPipeline("churn", pipelines);
        File.WriteAllText(Path.Combine(pipelines, "churn", "cache-miss.txt"), Guid.NewGuid().ToString());
        using var cli = Start("run", "churn", "--pipelines", pipelines, "--workspace", Path.Combine(runs.Path, "ws"));
        try
        {
            var error = cli.StandardError.ReadToEndAsync();
            var output = Follow(cli);
            Assert.True(await Eventually(() => NodeChildrenOf(cli.Id).Count > 0, StartBudget),
                "jsii never started node to synthesize:\n" + string.Join('\n', output));
            var children = NodeChildrenOf(cli.Id);
            Assert.Equal(0, Kill(cli.Id, Sigterm));
            using var exitBudget = new CancellationTokenSource(TimeSpan.FromSeconds(10));
            await cli.WaitForExitAsync(exitBudget.Token); // well inside the 15 s the CLI would otherwise wait before it gives up

            Assert.Equal(130, cli.ExitCode);
            Assert.Contains("run interrupted while the stack was synthesized", await error);
            Assert.False(Directory.Exists(Path.Combine(runs.Path, "ws", "record.json")));
            await Eventually(() => children.All(pid => !Directory.Exists($"/proc/{pid}")), TimeSpan.FromSeconds(10));
            Assert.All(children, pid => Assert.False(Directory.Exists($"/proc/{pid}"), $"node {pid} outlived the CLI"));
        }
        finally
        {
            if (!cli.HasExited) cli.Kill(entireProcessTree: true);
        }
    }

    /// <summary>The node processes <paramref name="parent"/> started (jsii's runtime), from <c>/proc/&lt;pid&gt;/stat</c>.</summary>
    private static List<int> NodeChildrenOf(int parent)
    {
        var found = new List<int>();
        foreach (var folder in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(folder), out var pid)) continue;
            try
            {
                // "pid (comm) state ppid ...": the command name may hold spaces, so read after its closing parenthesis.
                var stat = File.ReadAllText(Path.Combine(folder, "stat"));
                var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
                if (int.Parse(fields[1], System.Globalization.CultureInfo.InvariantCulture) == parent && stat.Contains("(node)", StringComparison.Ordinal)) found.Add(pid);
            }
            catch (IOException)
            {
                // The process ended while the table was read.
            }
            catch (UnauthorizedAccessException)
            {
            }
        }
        return found;
    }

    private const int Sigterm = 15;

    /// <summary>The progress line of the training execution's first table write (the run item).</summary>
    private const string RunRecorded = "churn-training RecordRunStarted";

    /// <summary>Collects the CLI's stdout lines as they come (and so never lets the pipe fill).</summary>
    private static System.Collections.Concurrent.ConcurrentQueue<string> Follow(Process cli)
    {
        var lines = new System.Collections.Concurrent.ConcurrentQueue<string>();
        cli.OutputDataReceived += (_, e) => { if (e.Data is not null) lines.Enqueue(e.Data); };
        cli.BeginOutputReadLine();
        return lines;
    }

    [DllImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static extern int Kill(int pid, int signal);

    private static Process Start(params string[] arguments)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
            WorkingDirectory = CliProcess.RepositoryRoot,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "TrainingOrchestration.Cli.dll"));
        foreach (var argument in arguments) start.ArgumentList.Add(argument);
        start.Environment["NO_COLOR"] = "1";
        return Process.Start(start)!;
    }

    /// <summary>The node processes serving <paramref name="workspace"/>'s table (<c>serve.js --path &lt;workspace&gt;/dynamodb</c>).</summary>
    private static List<int> DynaliteOf(string workspace)
    {
        var marker = "serve.js\0--path\0" + Path.Combine(workspace, "dynamodb");
        var found = new List<int>();
        foreach (var folder in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(folder), out var pid)) continue;
            try
            {
                if (File.ReadAllText(Path.Combine(folder, "cmdline")).Contains(marker, StringComparison.Ordinal)) found.Add(pid);
            }
            catch (IOException)
            {
                // The process ended while the table was read.
            }
            catch (UnauthorizedAccessException)
            {
            }
        }
        return found;
    }

    /// <summary>Polls <paramref name="condition"/> until it holds (true) or <paramref name="budget"/> runs out (false).</summary>
    private static async Task<bool> Eventually(Func<bool> condition, TimeSpan budget)
    {
        var deadline = DateTime.UtcNow + budget;
        while (DateTime.UtcNow < deadline)
        {
            if (condition()) return true;
            await Task.Delay(50);
        }
        return condition();
    }
}
