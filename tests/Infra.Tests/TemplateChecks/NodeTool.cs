using System.Diagnostics;

namespace TrainingOrchestration.Infra.Tests.TemplateChecks;

/// <summary>
/// Runs the repository's Node tools: installs a tool folder's pinned packages with <c>npm ci</c> when its
/// <c>node_modules</c> is missing (as <c>.ci/run</c> does), then runs a command and captures its output.
/// </summary>
public static class NodeTool
{
    public sealed record Result(int ExitCode, string Output, string Error)
    {
        public string Both => Output + Environment.NewLine + Error;
    }

    public static void EnsureInstalled(string folder)
    {
        if (Directory.Exists(Path.Combine(folder, "node_modules")))
        {
            return;
        }

        var install = Run("npm", ["ci", "--no-audit", "--no-fund"], folder, TimeSpan.FromMinutes(5));
        if (install.ExitCode != 0)
        {
            throw new InvalidOperationException($"npm ci in {folder} failed with exit code {install.ExitCode}: {install.Both}");
        }
    }

    public static Result Run(string fileName, IEnumerable<string> arguments, string workingDirectory, TimeSpan timeout, IDictionary<string, string>? environment = null)
    {
        var start = new ProcessStartInfo(fileName)
        {
            WorkingDirectory = workingDirectory,
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["JSII_SILENCE_WARNING_DEPRECATED_NODE_VERSION"] = "1";
        foreach (var (name, value) in environment ?? new Dictionary<string, string>())
        {
            start.Environment[name] = value;
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {fileName}; is it installed and on PATH?");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(timeout))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{fileName} {string.Join(' ', arguments)} in {workingDirectory} did not finish within {timeout}.");
        }

        process.WaitForExit();
        return new Result(process.ExitCode, output.Result, error.Result);
    }
}
