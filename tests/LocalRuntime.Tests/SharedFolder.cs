namespace TrainingOrchestration.LocalRuntime.Tests;

/// <summary>Locates the repository and the shared reference folder beside it (fixtures are read in place, never copied).</summary>
internal static class SharedFolder
{
    public static string RepositoryRoot => ToolLocator.RepositoryRoot();

    public static string Path => System.IO.Path.GetFullPath(System.IO.Path.Combine(RepositoryRoot, "..", "shared"));

    public static string EventFixtures => System.IO.Path.Combine(Path, "fixtures", "events");

    public static bool HasEventFixtures => Directory.Exists(EventFixtures);

    public static string EventFixture(string name) => System.IO.Path.Combine(EventFixtures, name);
}
