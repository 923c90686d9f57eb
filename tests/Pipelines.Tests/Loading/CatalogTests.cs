using TrainingOrchestration.Pipelines.Spec;

namespace TrainingOrchestration.Pipelines.Tests.Loading;

public sealed class CatalogTests
{
    [Fact]
    public void Every_bundled_pipeline_loads_sorted_by_name()
    {
        var pipelines = PipelineCatalog.Discover(RepositoryPaths.Pipelines);

        Assert.Equal(Repository.PipelineNames(), pipelines.Select(p => p.Name));
        Assert.Contains("churn", pipelines.Select(p => p.Name));
        Assert.All(pipelines, p => Assert.True(File.Exists(p.SampleDataFile), $"{p.Name} has no sample data"));
        Assert.All(pipelines, p => Assert.True(File.Exists(p.SampleEventFile), $"{p.Name} has no sample event"));
    }

    [Fact]
    public void The_churn_pipeline_is_critical_and_fed_by_a_dynamodb_stream()
    {
        var spec = PipelineSpecLoader.Load(Path.Combine(RepositoryPaths.Pipelines, "churn"));

        Assert.Equal(PipelineTier.Critical, spec.Tier);
        Assert.Equal(CdcKind.DynamoDbStream, spec.Source.Cdc.Kind);
        Assert.Equal("customer_id", spec.Features.EntityKey);
    }

    [Fact]
    public void The_mlc_churn_pipeline_is_exploratory_and_fed_by_debezium()
    {
        var spec = PipelineSpecLoader.Load(Path.Combine(RepositoryPaths.Pipelines, "mlc-churn"));

        Assert.Equal(PipelineTier.Exploratory, spec.Tier);
        Assert.Equal(CdcKind.Debezium, spec.Source.Cdc.Kind);
        Assert.Equal("subscriber_id", spec.Features.EntityKey);
    }

    [Fact]
    public void Discover_ignores_folders_without_a_pipeline_yaml()
    {
        using var folder = PipelineFolder.Valid();
        var root = Path.GetDirectoryName(folder.Path)!;
        Directory.CreateDirectory(Path.Combine(root, "notes"));

        var pipelines = PipelineCatalog.Discover(root);

        Assert.Equal(["demo"], pipelines.Select(p => p.Name));
    }

    [Fact]
    public void Discover_reports_the_errors_of_every_bad_folder_at_once()
    {
        using var folder = PipelineFolder.With("tier: critical", "tier: gold");
        var root = Path.GetDirectoryName(folder.Path)!;
        var other = Path.Combine(root, "other");
        Directory.CreateDirectory(other);
        File.WriteAllText(Path.Combine(other, "pipeline.yaml"), "name: other\n");

        var exception = Assert.Throws<PipelineSpecException>(() => PipelineCatalog.Discover(root));

        Assert.Contains(exception.Errors, e => e.Field == "tier" && e.File == folder.SpecFile);
        Assert.Contains(exception.Errors, e => e.Field == "source" && e.File == Path.Combine(other, "pipeline.yaml"));
        Assert.StartsWith("2 pipeline specs have", exception.Message);
    }
}
