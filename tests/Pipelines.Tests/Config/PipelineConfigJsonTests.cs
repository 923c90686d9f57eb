using System.Text.Json;
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
        Assert.Equal("columns: []\n", back.ContractYaml);
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
    }

    [Fact]
    public void Malformed_PIPELINE_CONFIG_is_a_JSON_error_naming_the_path()
    {
        var exception = Assert.ThrowsAny<JsonException>(() => PipelineConfigJson.Deserialize("""{"name":"x","tier":"gold"}"""));

        Assert.Equal("$.tier", exception.Path);
    }

    [Theory]
    [InlineData("churn")]
    [InlineData("mlc-churn")]
    public void Bundled_pipeline_config_fits_the_Lambda_environment_limit_with_room_for_the_other_variables(string pipeline)
    {
        var spec = PipelineSpecLoader.Load(Path.Combine(RepositoryPaths.Pipelines, pipeline));

        var bytes = System.Text.Encoding.UTF8.GetByteCount(PipelineConfigJson.VariableName + PipelineConfigJson.Serialize(spec));

        // Lambda allows 4 KB for all variables; TABLE_NAME, BUCKET_NAME, PIPELINE_NAME and METRICS_NAMESPACE need ~300 bytes.
        Assert.True(bytes <= 3700, $"PIPELINE_CONFIG of {pipeline} is {bytes} bytes");
    }
}
