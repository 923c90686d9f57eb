namespace TrainingOrchestration.TestSupport;

/// <summary>
/// <c>../shared</c> beside the repository: reference fixtures and the ASL conformance corpus, read in place and never
/// copied. A clone without it still builds; the tests that need it skip with <see cref="MissingMessage"/>.
/// </summary>
public static class SharedFolder
{
    public static string Path { get; } = System.IO.Path.GetFullPath(System.IO.Path.Combine(Repository.Root, "..", "shared"));

    /// <summary>The folder under ../shared, or null when it is not there.</summary>
    public static string? Find(params string[] parts)
    {
        var folder = System.IO.Path.Combine([Path, .. parts]);
        return Directory.Exists(folder) ? folder : null;
    }

    public static string EventFixtures => System.IO.Path.Combine(Path, "fixtures", "events");

    public static bool HasEventFixtures => Directory.Exists(EventFixtures);

    public static string EventFixture(string name) => System.IO.Path.Combine(EventFixtures, name);

    /// <summary>The skip message for a test whose material under ../shared is absent.</summary>
    public static string MissingMessage(params string[] parts) =>
        $"../shared/{string.Join('/', parts)} is not present beside the repository (looked in {System.IO.Path.Combine([Path, .. parts])})";
}
