namespace TrainingOrchestration.Pipelines.Tests.Loading;

public sealed class PipelineFolderDocumentationTests
{
    public static TheoryData<string> Folders() =>
        new(Directory.GetDirectories(RepositoryPaths.Pipelines).Where(d => File.Exists(Path.Combine(d, "pipeline.yaml"))).Select(Path.GetFileName).Order()!);

    [Theory]
    [MemberData(nameof(Folders))]
    public void Each_pipeline_README_names_its_entity_key_and_says_how_a_synthetic_one_was_assigned(string pipeline)
    {
        var spec = PipelineSpecLoader.Load(Path.Combine(RepositoryPaths.Pipelines, pipeline));
        var readme = Path.Combine(spec.Directory, "README.md");

        Assert.True(File.Exists(readme), $"{pipeline} has no README.md");
        var text = File.ReadAllText(readme);
        Assert.Contains($"`{spec.Features.EntityKey}", text);
        if (text.Contains("synthetic", StringComparison.OrdinalIgnoreCase))
        {
            Assert.Contains("row number", text, StringComparison.OrdinalIgnoreCase);
            Assert.Contains("when the sample was bundled", text, StringComparison.OrdinalIgnoreCase);
        }
    }
}
