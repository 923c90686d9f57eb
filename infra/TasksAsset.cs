using System.Diagnostics;
using System.Xml.Linq;

namespace TrainingOrchestration.Infra;

/// <summary>
/// Produces the Lambda code asset offline: <c>dotnet publish src/Tasks -c Release</c> (framework-dependent, portable,
/// no app host, so it runs on the arm64 <c>dotnet10</c> runtime) into a directory CDK then zips as an asset. The publish
/// is skipped when a stamp written after the last publish is newer than every source file of src/Tasks and the
/// projects it references, so repeated synthesis costs nothing.
/// </summary>
public static class TasksAsset
{
    /// <summary>Written beside the output directory (not inside, where it would ship in the Lambda zip).</summary>
    public const string StampSuffix = ".published";

    public static string EnsurePublished(string repositoryRoot, string outputDirectory)
    {
        var project = Path.Combine(repositoryRoot, "src", "Tasks", "Tasks.csproj");
        if (!File.Exists(project))
        {
            throw new FileNotFoundException($"The task Lambdas project is missing: {project}.", project);
        }

        var stamp = Path.GetFullPath(outputDirectory).TrimEnd(Path.DirectorySeparatorChar) + StampSuffix;
        var newestSource = SourceFiles(project, repositoryRoot).Max(File.GetLastWriteTimeUtc);
        if (File.Exists(stamp) && File.GetLastWriteTimeUtc(stamp) >= newestSource)
        {
            return outputDirectory;
        }

        Directory.CreateDirectory(outputDirectory);
        Run("dotnet", ["publish", project, "-c", "Release", "-o", outputDirectory, "-p:UseAppHost=false", "-nologo", "-v", "quiet"]);
        File.WriteAllText(stamp, DateTime.UtcNow.ToString("O"));
        return outputDirectory;
    }

    /// <summary>Every source of the project and, transitively, of the projects it references, plus the shared build props.</summary>
    private static IEnumerable<string> SourceFiles(string project, string repositoryRoot)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var pending = new Stack<string>([Path.GetFullPath(project)]);
        while (pending.TryPop(out var current))
        {
            if (!seen.Add(current))
            {
                continue;
            }

            var directory = Path.GetDirectoryName(current)!;
            foreach (var reference in XDocument.Load(current).Descendants("ProjectReference"))
            {
                var include = reference.Attribute("Include")?.Value;
                if (include is not null)
                {
                    pending.Push(Path.GetFullPath(Path.Combine(directory, include.Replace('\\', '/'))));
                }
            }
        }

        var props = new[] { "Directory.Build.props", "Directory.Packages.props" }.Select(f => Path.Combine(repositoryRoot, f)).Where(File.Exists);
        return seen.SelectMany(p => Directory.EnumerateFiles(Path.GetDirectoryName(p)!, "*", SearchOption.AllDirectories))
            .Where(f => !IsBuildOutput(f))
            .Concat(props);
    }

    private static bool IsBuildOutput(string file) =>
        file.Split(Path.DirectorySeparatorChar).Any(part => part is "bin" or "obj");

    private static void Run(string fileName, IEnumerable<string> arguments)
    {
        var start = new ProcessStartInfo(fileName) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {fileName}.");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEnd();
        process.WaitForExit();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException(
                $"Publishing the task Lambdas failed ({fileName} {string.Join(' ', start.ArgumentList)} exited {process.ExitCode}):\n{stdout.Result}\n{stderr}");
        }
    }
}
