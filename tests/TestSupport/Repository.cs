using TrainingOrchestration.Pipelines;
using TrainingOrchestration.Pipelines.Conventions;

namespace TrainingOrchestration.TestSupport;

/// <summary>The repository the tests run from (the folder holding TrainingOrchestration.sln), found from the test binaries.</summary>
public static class Repository
{
    public static string Root { get; } = RepositoryRoot.Find(AppContext.BaseDirectory);

    /// <summary>A path under the repository root.</summary>
    public static string Path(params string[] parts) => System.IO.Path.Combine([Root, .. parts]);

    public static string Pipelines => Path("pipelines");

    /// <summary>
    /// The bundled pipelines: every folder under <c>pipelines/</c> holding a pipeline.yaml (the catalog's rule), sorted,
    /// so a new one is tested like the others.
    /// </summary>
    public static IReadOnlyList<string> PipelineNames() =>
        Directory.EnumerateDirectories(Pipelines)
            .Where(d => File.Exists(System.IO.Path.Combine(d, PipelineSpecLoader.FileName)))
            .Select(System.IO.Path.GetFileName).OfType<string>().Order(StringComparer.Ordinal).ToList();
}
