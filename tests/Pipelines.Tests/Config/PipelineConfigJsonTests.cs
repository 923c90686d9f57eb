using System.Text.Json;
using TrainingOrchestration.Contracts;
using TrainingOrchestration.Pipelines.Config;

namespace TrainingOrchestration.Pipelines.Tests.Config;

public sealed class PipelineConfigJsonTests
{
    [Fact]
    public void A_spec_survives_the_round_trip_through_PIPELINE_CONFIG()
    {
        using var folder = PipelineFolder.Valid();
        var spec = PipelineSpecLoader.Load(folder.Path);

        var back = PipelineConfigJson.Deserialize(PipelineConfigJson.Serialize(spec));

        Assert.Equal(spec.Name, back.Name);
        Assert.Equal(spec.Tier, back.Tier);
        Assert.Equal(spec.Source, back.Source);
        Assert.Equal(spec.Cadence, back.Cadence);
        Assert.Equal(spec.Features.Split, back.Features.Split);
        Assert.Equal(spec.Features.EntityKey, back.Features.EntityKey);
        Assert.Equal(spec.Training.MaxRuntime, back.Training.MaxRuntime);
        Assert.Equal(spec.Training.Spot, back.Training.Spot);
        Assert.Equal(spec.Training.Hyperparameters, back.Training.Hyperparameters);
        Assert.Equal(spec.Evaluation.Thresholds, back.Evaluation.Thresholds);
        Assert.Equal(spec.Evaluation.PrimaryMetric, back.Evaluation.PrimaryMetric);
        Assert.Equal(spec.Notifications.Emails, back.Notifications.Emails);
        Assert.Equal(YamlTree.Of(spec.ContractYaml), YamlTree.Of(back.ContractYaml));
    }

    [Theory]
    [MemberData(nameof(BundledPipelines.Names), MemberType = typeof(BundledPipelines))]
    public void A_bundled_contract_comes_back_from_PIPELINE_CONFIG_with_the_same_content_and_no_comments(string pipeline)
    {
        var spec = PipelineSpecLoader.Load(Path.Combine(RepositoryPaths.Pipelines, pipeline));

        var back = PipelineConfigJson.Deserialize(PipelineConfigJson.Serialize(spec));

        Assert.Equal(YamlTree.Of(spec.ContractYaml), YamlTree.Of(back.ContractYaml));
        Assert.DoesNotContain("\n#", back.ContractYaml);
        Assert.Contains(spec.Features.EntityKey, back.ContractYaml);
    }

    [Theory]
    [MemberData(nameof(BundledPipelines.Names), MemberType = typeof(BundledPipelines))]
    public void The_contract_from_PIPELINE_CONFIG_loads_as_the_same_contract_as_the_file(string pipeline)
    {
        var spec = PipelineSpecLoader.Load(Path.Combine(RepositoryPaths.Pipelines, pipeline));
        var fromFile = ContractLoader.Load(spec.ContractFile);

        var fromConfig = ContractLoader.Parse(PipelineConfigJson.Deserialize(PipelineConfigJson.Serialize(spec)).ContractYaml, "PIPELINE_CONFIG");

        Assert.Equal((fromFile.Name, fromFile.Version, fromFile.Schema, fromFile.ExampleRows), (fromConfig.Name, fromConfig.Version, fromConfig.Schema, fromConfig.ExampleRows));
        Assert.Equal(fromFile.Columns.Select(c => (c.Name, c.Type)), fromConfig.Columns.Select(c => (c.Name, c.Type)));
        Assert.Equal(fromFile.Rules.Count, fromConfig.Rules.Count);
        Assert.Equal(fromFile.NullValues, fromConfig.NullValues);
    }

    [Fact]
    public void A_contract_that_is_not_base64_gzip_is_a_JSON_error()
    {
        var exception = Assert.ThrowsAny<JsonException>(() => PipelineConfigJson.Deserialize("""{"name":"x","contractYamlGzip":"not gzip"}"""));

        Assert.Equal("$.contractYamlGzip", exception.Path);
    }

    [Fact]
    public void PIPELINE_CONFIG_carries_paths_relative_to_the_pipeline_folder_and_enums_as_camel_case()
    {
        using var folder = PipelineFolder.Valid();
        var spec = PipelineSpecLoader.Load(folder.Path);

        var json = PipelineConfigJson.Serialize(spec);

        var root = JsonDocument.Parse(json).RootElement;
        Assert.DoesNotContain(folder.Path, json);
        Assert.Equal("features.sql", root.GetProperty("features").GetProperty("sqlFile").GetString());
        Assert.Equal("contract.yaml", root.GetProperty("contractFile").GetString());
        Assert.Equal("sample/data.csv", root.GetProperty("sampleDataFile").GetString());
        Assert.Equal("critical", root.GetProperty("tier").GetString());
        Assert.Equal("dynamoDbStream", root.GetProperty("source").GetProperty("cdc").GetProperty("kind").GetString());
        Assert.Equal("06:00:00", root.GetProperty("cadence").GetProperty("minInterval").GetString());
        Assert.DoesNotContain("\n  ", json);
        Assert.False(root.TryGetProperty("contractYaml", out _));
        Assert.True(root.GetProperty("contractYamlGzip").GetString()!.Length > 0);
    }

    [Fact]
    public void Malformed_PIPELINE_CONFIG_is_a_JSON_error_naming_the_path()
    {
        var exception = Assert.ThrowsAny<JsonException>(() => PipelineConfigJson.Deserialize("""{"name":"x","tier":"gold"}"""));

        Assert.Equal("$.tier", exception.Path);
    }

    [Theory]
    [MemberData(nameof(BundledPipelines.Names), MemberType = typeof(BundledPipelines))]
    public void Bundled_pipeline_config_fits_the_Lambda_environment_limit_with_room_for_the_other_variables(string pipeline)
    {
        var spec = PipelineSpecLoader.Load(Path.Combine(RepositoryPaths.Pipelines, pipeline));

        var bytes = System.Text.Encoding.UTF8.GetByteCount(PipelineConfigJson.VariableName + PipelineConfigJson.Serialize(spec));

        // Lambda allows 4 KB for all variables; TABLE_NAME, BUCKET_NAME, PIPELINE_NAME and METRICS_NAMESPACE need ~300 bytes.
        Assert.True(bytes <= 3700, $"PIPELINE_CONFIG of {pipeline} is {bytes} bytes");
    }
}
