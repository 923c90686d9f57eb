using TrainingOrchestration.Pipelines.Spec;

namespace TrainingOrchestration.Pipelines.Tests.Loading;

/// <summary><c>source.columns</c> and the change settings: read in order with their types; each mistake named at its line and column.</summary>
public sealed class SourceColumnsTests
{
    private const string Columns = "    detailType: Table Change\n  columns:\n    customer_id: string\n    tenure: integer\n    monthly_charges: number\n    active: boolean\n    extras: json";

    [Fact]
    public void Declared_columns_are_read_in_source_order_with_their_types_and_the_batch_settings()
    {
        using var folder = PipelineFolder.With("    detailType: Table Change", Columns.Replace("  columns:", "    batchSize: 250\n    batchWindow: 2m\n  keepSnapshots: 5\n  columns:", StringComparison.Ordinal));

        var spec = PipelineSpecLoader.Load(folder.Path);

        Assert.Equal(["customer_id", "tenure", "monthly_charges", "active", "extras"], spec.Source.Columns.Select(c => c.Name));
        Assert.Equal([SourceColumnType.String, SourceColumnType.Integer, SourceColumnType.Number, SourceColumnType.Boolean, SourceColumnType.Json],
            spec.Source.Columns.Select(c => c.Type));
        Assert.Equal((250, 120, 5), (spec.Source.Cdc.BatchSize, spec.Source.Cdc.BatchWindowSeconds, spec.Source.KeepSnapshots));
        Assert.Equal("customer_id:string,tenure:integer,monthly_charges:number,active:boolean,extras:json", SourceColumnsText.Format(spec.Source.Columns));
    }

    [Fact]
    public void An_unknown_column_type_is_reported_at_its_value_with_the_nearest_type()
    {
        using var folder = PipelineFolder.With("    detailType: Table Change", Columns.Replace("tenure: integer", "tenure: integr", StringComparison.Ordinal));

        var error = LoadFailure.Of(folder).On("source.columns.tenure");

        Assert.Equal(folder.SpecFile, error.File);
        Assert.Equal(LoadFailure.LineOf(folder, "tenure: integr"), error.Line);
        Assert.Equal(13, error.Column);
        Assert.Contains("Did you mean 'integer'?", error.Fix);
    }

    [Fact]
    public void Columns_without_the_entity_key_are_refused()
    {
        using var folder = PipelineFolder.With("    detailType: Table Change", Columns.Replace("customer_id: string", "id: string", StringComparison.Ordinal));

        var error = LoadFailure.Of(folder).On("source.columns");

        Assert.Contains("entity key 'customer_id'", error.Problem);
        Assert.Equal(LoadFailure.LineOf(folder, "    id: string"), error.Line);
    }

    [Fact]
    public void A_batch_window_longer_than_Pipes_allows_is_refused()
    {
        using var folder = PipelineFolder.With("    detailType: Table Change", "    detailType: Table Change\n    batchWindow: 10m");

        var error = LoadFailure.Of(folder).On("source.cdc.batchWindow");

        Assert.Contains("0..300", error.Problem);
    }

    [Fact]
    public void The_feature_jobs_Glue_worker_type_and_count_come_from_features_glue()
    {
        using var folder = PipelineFolder.With("  entityKey: customer_id", "  entityKey: customer_id\n  glue:\n    workerType: G.2X\n    workers: 10");

        var spec = PipelineSpecLoader.Load(folder.Path);

        Assert.Equal(("G.2X", 10), (spec.Features.GlueWorkerType, spec.Features.GlueWorkers));
    }

    [Fact]
    public void An_unknown_Glue_worker_type_is_refused_with_the_nearest_one()
    {
        using var folder = PipelineFolder.With("  entityKey: customer_id", "  entityKey: customer_id\n  glue:\n    workerType: G.3X");

        var error = LoadFailure.Of(folder).On("features.glue.workerType");

        Assert.Contains("G.3X", error.Problem);
    }
}
