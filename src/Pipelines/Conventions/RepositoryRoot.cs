namespace TrainingOrchestration.Pipelines.Conventions;

/// <summary>
/// Finds the repository root (the folder holding <c>TrainingOrchestration.sln</c>) by walking up from a path. The one
/// finder the CDK app, the CLI, the local runtime and the tests use.
/// </summary>
public static class RepositoryRoot
{
    public const string SolutionFile = "TrainingOrchestration.sln";

    public static string? TryFind(string start)
    {
        for (var dir = new DirectoryInfo(Path.GetFullPath(start)); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, SolutionFile))) return dir.FullName;
        }
        return null;
    }

    public static string Find(string start) => TryFind(start)
        ?? throw new DirectoryNotFoundException($"No {SolutionFile} found in '{Path.GetFullPath(start)}' or any parent folder; run from inside the repository.");

    /// <summary>From the working directory, else from the binaries (tests, the CLI run from elsewhere, a published build).</summary>
    public static string Locate() => TryFind(Directory.GetCurrentDirectory()) ?? TryFind(AppContext.BaseDirectory)
        ?? throw new DirectoryNotFoundException(
            $"No {SolutionFile} found above the working directory ({Directory.GetCurrentDirectory()}) or the binaries ({AppContext.BaseDirectory}).");
}
