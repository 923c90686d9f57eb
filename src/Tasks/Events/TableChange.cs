using System.Text.Json;
using System.Text.Json.Serialization;

namespace TrainingOrchestration.Tasks.Events;

/// <summary>
/// Detail of a CDC "Table Change" event. EventBridge Pipes forwards the source record as the detail, so it is either
/// a DynamoDB Streams record (<c>eventName</c>, <c>dynamodb</c>) or a Debezium change (<c>op</c>, <c>before</c>,
/// <c>after</c>, <c>source</c>; possibly inside a <c>{schema, payload}</c> envelope). Both shapes are read into this
/// one record; <see cref="Operation"/> and <see cref="Table"/> give the common view. An EventBridge Pipes input
/// template may flatten the DynamoDB record (<c>keys</c>, <c>newImage</c>, ... at the top) and add <c>table</c>, which
/// the trigger rule matches on; those members are read too.
/// </summary>
public sealed record TableChange
{
    /// <summary>The source table, set by the pipe so that pipelines sharing the CDC source can be told apart.</summary>
    [JsonPropertyName("table")] public string? SourceTable { get; init; }
    [JsonPropertyName("eventID")] public string? EventId { get; init; }
    [JsonPropertyName("eventName")] public string? EventName { get; init; }
    [JsonPropertyName("eventVersion")] public string? EventVersion { get; init; }
    [JsonPropertyName("eventSource")] public string? EventSource { get; init; }
    [JsonPropertyName("awsRegion")] public string? AwsRegion { get; init; }
    [JsonPropertyName("eventSourceARN")] public string? EventSourceArn { get; init; }
    [JsonPropertyName("dynamodb")] public DynamoDbStreamChange? DynamoDb { get; init; }
    [JsonPropertyName("keys")] public IReadOnlyDictionary<string, JsonElement>? Keys { get; init; }
    [JsonPropertyName("newImage")] public IReadOnlyDictionary<string, JsonElement>? NewImage { get; init; }
    [JsonPropertyName("oldImage")] public IReadOnlyDictionary<string, JsonElement>? OldImage { get; init; }
    [JsonPropertyName("approximateCreationDateTime")] public double? ApproximateCreationDateTime { get; init; }
    [JsonPropertyName("sequenceNumber")] public string? SequenceNumber { get; init; }
    [JsonPropertyName("streamViewType")] public string? StreamViewType { get; init; }

    [JsonPropertyName("op")] public string? Op { get; init; }
    [JsonPropertyName("before")] public JsonElement? Before { get; init; }
    [JsonPropertyName("after")] public JsonElement? After { get; init; }
    [JsonPropertyName("source")] public DebeziumSource? Source { get; init; }
    [JsonPropertyName("ts_ms")] public long? TimestampMs { get; init; }
    /// <summary>Debezium's envelope with the Kafka Connect schema; the change itself is <see cref="Payload"/>.</summary>
    [JsonPropertyName("payload")] public TableChange? Payload { get; init; }

    /// <summary>INSERT, MODIFY, REMOVE or READ (snapshot), whichever shape the change came in; UNKNOWN otherwise.</summary>
    [JsonIgnore]
    public string Operation => Payload?.Operation ?? (EventName, Op) switch
    {
        ({ } name, _) => name,
        (_, "c") => "INSERT",
        (_, "u") => "MODIFY",
        (_, "d") => "REMOVE",
        (_, "r") => "READ",
        _ => "UNKNOWN",
    };

    /// <summary>The source table: the pipe's <c>table</c>, else Debezium's <c>source.table</c>.</summary>
    [JsonIgnore]
    public string? Table => SourceTable ?? Payload?.Table ?? Source?.Table;

    /// <summary>The changed item's key, from a nested or a flattened DynamoDB record.</summary>
    [JsonIgnore]
    public IReadOnlyDictionary<string, JsonElement>? ItemKeys => Keys ?? DynamoDb?.Keys;
}
