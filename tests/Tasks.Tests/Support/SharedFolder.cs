namespace TrainingOrchestration.Tasks.Tests.Support;

/// <summary>Finds the repository root (the folder holding TrainingOrchestration.sln) and ../shared beside it.</summary>
public static class SharedFolder
{
    public static string? RepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "TrainingOrchestration.sln"))) return directory.FullName;
        }
        return null;
    }

    /// <summary><c>&lt;root&gt;/../shared</c>, or null when it is not there (e.g. a clone without the shared material).</summary>
    public static string? Locate() => RepositoryRoot() is { } root && Directory.Exists(Path.Combine(root, "..", "shared"))
        ? Path.GetFullPath(Path.Combine(root, "..", "shared"))
        : null;

    public static string? EventFixtures() => Locate() is { } shared && Directory.Exists(Path.Combine(shared, "fixtures", "events"))
        ? Path.Combine(shared, "fixtures", "events")
        : null;

    public const string MissingMessage = "../shared/fixtures/events is not present beside the repository; the real AWS event samples live there";
}
