using TrainingOrchestration.Pipelines.Spec;

namespace TrainingOrchestration.Pipelines;

/// <summary>
/// Every onboarded pipeline under a <c>pipelines/</c> folder: each subfolder holding a <c>pipeline.yaml</c> is one
/// pipeline. The CDK app synthesizes one stack per entry, so adding a folder is all onboarding takes.
/// </summary>
public static class PipelineCatalog
{
    /// <summary>
    /// Loads every pipeline under <paramref name="pipelinesRoot"/>, sorted by name. Throws
    /// <see cref="PipelineSpecException"/> with the errors of every bad folder at once.
    /// </summary>
    public static IReadOnlyList<PipelineSpec> Discover(string pipelinesRoot)
    {
        if (!System.IO.Directory.Exists(pipelinesRoot))
            throw new DirectoryNotFoundException($"Pipelines folder '{Path.GetFullPath(pipelinesRoot)}' does not exist.");
        var specs = new List<PipelineSpec>();
        var errors = new List<SpecError>();
        var folders = System.IO.Directory.GetDirectories(pipelinesRoot)
            .Where(d => File.Exists(Path.Combine(d, PipelineSpecLoader.FileName)))
            .Order(StringComparer.Ordinal);
        foreach (var folder in folders)
        {
            try
            {
                specs.Add(PipelineSpecLoader.Load(folder));
            }
            catch (PipelineSpecException e)
            {
                errors.AddRange(e.Errors);
            }
        }
        if (errors.Count > 0) throw new PipelineSpecException(errors);
        return specs.OrderBy(s => s.Name, StringComparer.Ordinal).ToList();
    }
}
