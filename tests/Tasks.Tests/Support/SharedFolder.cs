namespace TrainingOrchestration.Tasks.Tests.Support;

/// <summary>Finds the repository root (the folder holding TrainingOrchestration.sln) and ../shared beside it.</summary>
public static class SharedFolder
{
    public static string? RepositoryRoot() => TrainingOrchestration.Pipelines.Conventions.RepositoryRoot.TryFind(AppContext.BaseDirectory);

    /// <summary><c>&lt;root&gt;/../shared</c>, or null when it is not there (e.g. a clone without the shared material).</summary>
    public static string? Locate() => RepositoryRoot() is { } root && Directory.Exists(Path.Combine(root, "..", "shared"))
        ? Path.GetFullPath(Path.Combine(root, "..", "shared"))
        : null;

    public static string? EventFixtures() => Locate() is { } shared && Directory.Exists(Path.Combine(shared, "fixtures", "events"))
        ? Path.Combine(shared, "fixtures", "events")
        : null;

    public const string MissingMessage = "../shared/fixtures/events is not present beside the repository; the real AWS event samples live there";
}
