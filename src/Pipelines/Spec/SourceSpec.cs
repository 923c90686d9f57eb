using TrainingOrchestration.Pipelines.Conventions;

namespace TrainingOrchestration.Pipelines.Spec;

/// <summary>The source table and how its change events reach EventBridge.</summary>
public sealed record SourceSpec
{
    /// <summary>Logical table name; raw files live under <c>raw/&lt;table&gt;/</c>.</summary>
    public required string Table { get; init; }
    public required CdcSpec Cdc { get; init; }
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
}

public enum CdcKind { DynamoDbStream, Debezium, S3Files }
