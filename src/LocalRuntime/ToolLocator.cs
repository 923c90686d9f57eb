namespace TrainingOrchestration.LocalRuntime;

/// <summary>Finds the repository's files (tools, pipelines) from wherever the runtime runs: tests, the CLI, a published build.</summary>
public static class ToolLocator
{
    /// <summary>The folder holding <c>TrainingOrchestration.sln</c>, searched upwards from the working directory and the binaries.</summary>
    public static string RepositoryRoot()
    {
        foreach (var start in new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, "TrainingOrchestration.sln"))) return dir.FullName;
            }
        }
        throw new DirectoryNotFoundException(
            $"Could not find the repository root (the folder holding TrainingOrchestration.sln) above {Directory.GetCurrentDirectory()} or {AppContext.BaseDirectory}.");
    }

    /// <summary>A path relative to the repository root.</summary>
    public static string Find(string relativePath) => Path.Combine(RepositoryRoot(), relativePath);
}
