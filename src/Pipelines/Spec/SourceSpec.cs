using System.Text.Json.Serialization;
using TrainingOrchestration.Pipelines.Conventions;

namespace TrainingOrchestration.Pipelines.Spec;

/// <summary>The source table and how its change events reach EventBridge.</summary>
public sealed record SourceSpec
{
    /// <summary>Logical table name; raw files live under <c>raw/&lt;table&gt;/</c>.</summary>
    public required string Table { get; init; }
    public required CdcSpec Cdc { get; init; }

    /// <summary>
    /// The table's columns in source order (<c>source.columns</c>), which the change merge reads from each change record.
    /// Empty when not declared: then only CSV snapshots with a header can be merged and every column is text.
    /// </summary>
    /// <remarks>Not in PIPELINE_CONFIG (Lambda's 4 KB environment): only the feature job needs it, as <c>--source_columns</c>.</remarks>
    [JsonIgnore]
    public IReadOnlyList<SourceColumn> Columns { get; init; } = [];

    /// <summary>How many curated snapshots (<c>curated/&lt;table&gt;/run=&lt;id&gt;/</c>) to keep (<c>source.keepSnapshots</c>).</summary>
    [JsonIgnore]
    public int KeepSnapshots { get; init; } = 3;

    /// <summary>DMS only: the column DMS's <c>TimestampColumnName</c> adds (the commit time, the source order of a change).</summary>
    [JsonIgnore]
    public string? TimestampColumn { get; init; }
}

/// <summary>
/// How CDC events for the table are matched. <see cref="CdcKind.DynamoDbStream"/> and <see cref="CdcKind.Debezium"/>
/// arrive through EventBridge Pipes with <see cref="EventSource"/> and <see cref="DetailType"/>;
/// <see cref="CdcKind.S3Files"/> (DMS) is S3 "Object Created" under <c>raw/&lt;table&gt;/</c>.
/// </summary>
public sealed record CdcSpec
{
    public required CdcKind Kind { get; init; }
    public string EventSource { get; init; } = DetailTypes.CdcSource;
    public string DetailType { get; init; } = DetailTypes.TableChange;

    /// <summary>Most change records per batch the ingress delivers (EventBridge Pipes <c>BatchSize</c>, 1..10000).</summary>
    [JsonIgnore]
    public int BatchSize { get; init; } = 100;

    /// <summary>Longest the ingress waits to fill a batch (Pipes <c>MaximumBatchingWindowInSeconds</c>, 0..300).</summary>
    [JsonIgnore]
    public int BatchWindowSeconds { get; init; } = 60;

    /// <summary>Where the stack's ingress reads the changes (stream ARN, Kafka settings, DMS file format).</summary>
    [JsonIgnore]
    public IngressSpec Ingress { get; init; } = new();
}

public enum CdcKind { DynamoDbStream, Debezium, S3Files }
