using TrainingOrchestration.Pipelines;
using Xunit;

namespace TrainingOrchestration.TestSupport;

/// <summary>
/// The pipelines under <c>pipelines/</c>, discovered rather than listed: a new folder is tested like the bundled ones
/// and never breaks a test by existing.
/// </summary>
public static class BundledPipelines
{
    public static TheoryData<string> Names()
    {
        var data = new TheoryData<string>();
        foreach (var name in Repository.PipelineNames()) data.Add(name);
        return data;
    }

    /// <summary>Each pipeline with its entity key (the feature table's key column).</summary>
    public static TheoryData<string, string> NamesWithEntityKey()
    {
        var data = new TheoryData<string, string>();
        foreach (var name in Repository.PipelineNames())
        {
            data.Add(name, PipelineSpecLoader.Load(System.IO.Path.Combine(Repository.Pipelines, name)).Features.EntityKey);
        }
        return data;
    }
}
