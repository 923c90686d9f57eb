using System.Diagnostics;
using System.Text.Json.Nodes;

namespace TrainingOrchestration.Bench.Asl;

/// <summary>
/// aws-local-stepfunctions 3.0.0 (the npm engine a TypeScript user would pick), installed by npm into a scratch
/// folder and run by <c>Asl/Node/local-sfn-bench.mjs</c> on the same definitions and inputs as our engine.
/// </summary>
internal sealed class NodeEngineBench
{
    public const string Package = "aws-local-stepfunctions@3.0.0";
    private readonly string _packageDir;
    private readonly string _script;

    private NodeEngineBench(string packageDir, string script)
    {
        _packageDir = packageDir;
        _script = script;
    }

    /// <summary>Installs the package (once; later runs reuse the folder), or says why it cannot.</summary>
    public static NodeEngineBench? TryInstall(out string reason)
    {
        var script = Path.Combine(AppContext.BaseDirectory, "Asl", "Node", "local-sfn-bench.mjs");
        if (!File.Exists(script))
        {
            reason = $"the Node script {script} is missing from the build output";
            return null;
        }
        var prefix = Path.Combine(Path.GetTempPath(), "training-orchestration-bench", Package);
        var packageDir = Path.Combine(prefix, "node_modules", "aws-local-stepfunctions");
        if (!File.Exists(Path.Combine(packageDir, "package.json")))
        {
            Directory.CreateDirectory(prefix);
            var (code, output) = Run("npm", ["install", "--prefix", prefix, Package, "--no-audit", "--no-fund", "--loglevel=error"], TimeSpan.FromMinutes(5));
            if (code != 0 || !File.Exists(Path.Combine(packageDir, "package.json")))
            {
                reason = code == -1 ? "npm is not installed (or not on PATH)" : $"npm install {Package} failed (exit {code}): {Tail(output)}";
                return null;
            }
        }
        reason = "";
        return new NodeEngineBench(packageDir, script);
    }

    /// <summary>Runs one phase (<c>map</c>, <c>sequential</c>, <c>concurrent</c>) and returns the median transitions/s, or null (saying why).</summary>
    /// <param name="warmupSeconds">How long our side warmed up for this phase: the Node side warms up at least as long.</param>
    public double? Measure(string phase, int items, int executions, int steps, int runs, double warmupSeconds)
    {
        try
        {
            return MeasureOrThrow(phase, items, executions, steps, runs, warmupSeconds);
        }
        catch (InvalidOperationException e)
        {
            Console.WriteLine($"    {Package} not measured: {e.Message}");
            return null;
        }
    }

    private double MeasureOrThrow(string phase, int items, int executions, int steps, int runs, double warmupSeconds)
    {
        var spec = new JsonObject
        {
            ["phase"] = phase,
            ["mapDefinition"] = AslBenchDefinitions.WideMap,
            ["mapInputs"] = new JsonArray(AslBenchDefinitions.MapInputs(items).Select(i => (JsonNode?)i).ToArray()),
            ["mapWarmupInputs"] = new JsonArray(AslBenchDefinitions.MapInputs(1000).Select(i => (JsonNode?)i).ToArray()),
            ["mapTransitions"] = AslBenchDefinitions.MapInputs(items).Count + 3 * items,
            ["chainDefinition"] = AslBenchDefinitions.TaskChain(steps),
            ["chainSteps"] = steps,
            ["executions"] = executions,
            ["runs"] = runs,
            ["warmupSeconds"] = warmupSeconds,
        };
        var specPath = Path.Combine(Path.GetTempPath(), $"asl-bench-{Environment.ProcessId}-{phase}.json");
        File.WriteAllText(specPath, spec.ToJsonString());
        try
        {
            var (code, output) = Run("node", [_script, _packageDir, specPath], TimeSpan.FromMinutes(10));
            var line = output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).LastOrDefault(l => l.StartsWith('{'));
            if (code != 0 || line is null) throw new InvalidOperationException($"node {Path.GetFileName(_script)} {phase} failed (exit {code}): {Tail(output)}");
            return JsonNode.Parse(line)!["median"]!.GetValue<double>();
        }
        finally
        {
            File.Delete(specPath);
        }
    }

    private static (int Code, string Output) Run(string file, string[] arguments, TimeSpan timeout)
    {
        var start = new ProcessStartInfo(file) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in arguments) start.ArgumentList.Add(argument);
        Process process;
        try
        {
            process = Process.Start(start)!;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return (-1, $"{file} not found");
        }
        using (process)
        {
            var stdout = process.StandardOutput.ReadToEndAsync();
            var stderr = process.StandardError.ReadToEndAsync();
            if (!process.WaitForExit(timeout))
            {
                process.Kill(entireProcessTree: true);
                return (-2, $"{file} timed out after {timeout.TotalMinutes:N0} minutes");
            }
            return (process.ExitCode, stdout.Result + stderr.Result);
        }
    }

    private static string Tail(string text) => text.Length <= 600 ? text.Trim() : text[^600..].Trim();
}
