namespace TrainingOrchestration.Pipelines.Tests.Loading;

public sealed class PipelineFolderDocumentationTests
{
    public static TheoryData<string> Folders() =>
        new(Directory.GetDirectories(RepositoryPaths.Pipelines).Where(d => File.Exists(Path.Combine(d, "pipeline.yaml"))).Select(Path.GetFileName).Order()!);

    [Theory]
    [MemberData(nameof(Folders))]
    public void Each_pipeline_README_says_its_entity_key_is_a_row_number_assigned_when_the_sample_was_bundled(string pipeline)
    {
        var spec = PipelineSpecLoader.Load(Path.Combine(RepositoryPaths.Pipelines, pipeline));
        var readme = Path.Combine(spec.Directory, "README.md");

        Assert.True(File.Exists(readme), $"{pipeline} has no README.md");
        var text = File.ReadAllText(readme);
        Assert.Contains($"`{spec.Features.EntityKey}", text);
        Assert.Contains("row number", text, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("when the sample was bundled", text, StringComparison.OrdinalIgnoreCase);
    }
}
