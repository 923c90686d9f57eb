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

    /// <summary>
    /// Copies bundled pipeline <paramref name="name"/> (every file, with its sample) to <c>&lt;pipelinesRoot&gt;/&lt;name&gt;</c>,
    /// for a test that edits its copy; returns the copy's folder.
    /// </summary>
    public static string CopyPipeline(string name, string pipelinesRoot)
    {
        var from = System.IO.Path.Combine(Pipelines, name);
        var to = System.IO.Path.Combine(pipelinesRoot, name);
        foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
        {
            var target = System.IO.Path.Combine(to, System.IO.Path.GetRelativePath(from, file));
            Directory.CreateDirectory(System.IO.Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
        return to;
    }
}
