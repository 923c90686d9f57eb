namespace TrainingOrchestration.LocalRuntime;

/// <summary>Finds the repository's files (tools, pipelines) from wherever the runtime runs: tests, the CLI, a published build.</summary>
public static class ToolLocator
{
    /// <summary>The folder holding <c>TrainingOrchestration.sln</c>, searched upwards from the working directory and the binaries.</summary>
    public static string RepositoryRoot() => TrainingOrchestration.Pipelines.Conventions.RepositoryRoot.Locate();

    /// <summary>A path relative to the repository root.</summary>
    public static string Find(string relativePath) => Path.Combine(RepositoryRoot(), relativePath);
}
