using System.Text.Json;
using TrainingOrchestration.Pipelines.Spec;

namespace TrainingOrchestration.Pipelines.Tests.Features;

/// <summary>
/// The bundled CDC events are what EventBridge Pipes would put on the bus for each pipeline: they match the stack's
/// change rule (source, detail-type, detail.table) and carry a full new row of the source table.
/// </summary>
public sealed class SampleEventTests
{
    public static TheoryData<string> Pipelines() => BundledPipelines.Names();

    [Theory]
    [MemberData(nameof(Pipelines))]
    public void Sample_event_matches_the_pipelines_change_rule(string pipeline)
    {
        var (spec, root) = Load(pipeline);

        Assert.Equal(spec.Source.Cdc.EventSource, root.GetProperty("source").GetString());
        Assert.Equal(spec.Source.Cdc.DetailType, root.GetProperty("detail-type").GetString());
        Assert.Equal(spec.Source.Table, root.GetProperty("detail").GetProperty("table").GetString());
        Assert.Equal("2026-11-23T10:00:00Z", root.GetProperty("time").GetString());
        Assert.Equal("INSERT", root.GetProperty("detail").GetProperty("eventName").GetString());
        foreach (var field in new[] { "version", "id", "account", "region", "resources" })
        {
            Assert.True(root.TryGetProperty(field, out _), $"envelope field {field} missing");
        }
    }

    [Fact]
    public void Churn_event_is_a_DynamoDB_stream_insert_with_the_whole_row_in_DynamoDB_JSON()
    {
        var (spec, root) = Load("churn");
        var detail = root.GetProperty("detail");
        var columns = SampleCsv.Read(spec.SampleDataFile!).Header;

        Assert.Equal(CdcKind.DynamoDbStream, spec.Source.Cdc.Kind);
        Assert.Equal([spec.Features.EntityKey], detail.GetProperty("keys").EnumerateObject().Select(p => p.Name));
        var image = detail.GetProperty("newImage");
        Assert.Equal(columns.Order(), image.EnumerateObject().Select(p => p.Name).Order());
        Assert.All(image.EnumerateObject(), p => Assert.Single(p.Value.EnumerateObject(), t => t.Name is "S" or "N"));
        var key = image.GetProperty(spec.Features.EntityKey).GetProperty("S").GetString();
        Assert.DoesNotContain(SampleCsv.Read(spec.SampleDataFile!).Rows, r => r[spec.Features.EntityKey] == key);
    }

    [Fact]
    public void Mlc_churn_event_is_a_Debezium_create_with_the_whole_row_after()
    {
        var (spec, root) = Load("mlc-churn");
        var detail = root.GetProperty("detail");
        var columns = SampleCsv.Read(spec.SampleDataFile!).Header;

        Assert.Equal(CdcKind.Debezium, spec.Source.Cdc.Kind);
        Assert.Equal("c", detail.GetProperty("op").GetString());
        Assert.Equal(JsonValueKind.Null, detail.GetProperty("before").ValueKind);
        Assert.Equal(spec.Source.Table, detail.GetProperty("source").GetProperty("table").GetString());
        Assert.Equal(columns.Order(), detail.GetProperty("after").EnumerateObject().Select(p => p.Name).Order());
    }

    private static (PipelineSpec Spec, JsonElement Root) Load(string pipeline)
    {
        var spec = PipelineSpecLoader.Load(Path.Combine(RepositoryPaths.Pipelines, pipeline));
        return (spec, JsonDocument.Parse(File.ReadAllText(spec.SampleEventFile!)).RootElement);
    }
}
