namespace TrainingOrchestration.Contracts.Tests.Support;

/// <summary>The repository root, found by walking up from the test binaries to the solution file.</summary>
internal static class RepoPaths
{
    public static string Root { get; } = Find();

    public static string Pipeline(string name) => Path.Combine(Root, "pipelines", name);

    private static string Find()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "TrainingOrchestration.sln"))) dir = dir.Parent;
        return dir?.FullName ?? throw new InvalidOperationException("TrainingOrchestration.sln not found above " + AppContext.BaseDirectory);
    }
}
