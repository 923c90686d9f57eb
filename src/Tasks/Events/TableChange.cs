using System.Text.Json;
using System.Text.Json.Serialization;

namespace TrainingOrchestration.Tasks.Events;

/// <summary>
/// Detail of a CDC "Table Change" event. EventBridge Pipes forwards the source record as the detail, so it is either
/// a DynamoDB Streams record (<c>eventName</c>, <c>dynamodb</c>) or a Debezium change (<c>op</c>, <c>before</c>,
/// <c>after</c>, <c>source</c>; possibly inside a <c>{schema, payload}</c> envelope). Both shapes are read into this
/// one record; <see cref="Operation"/> and <see cref="Table"/> give the common view.
/// </summary>
public sealed record TableChange
{
    [JsonPropertyName("eventID")] public string? EventId { get; init; }
    [JsonPropertyName("eventName")] public string? EventName { get; init; }
    [JsonPropertyName("eventVersion")] public string? EventVersion { get; init; }
    [JsonPropertyName("eventSource")] public string? EventSource { get; init; }
    [JsonPropertyName("awsRegion")] public string? AwsRegion { get; init; }
    [JsonPropertyName("eventSourceARN")] public string? EventSourceArn { get; init; }
    [JsonPropertyName("dynamodb")] public DynamoDbStreamChange? DynamoDb { get; init; }

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

    /// <summary>The source table for Debezium changes (DynamoDB records name the stream ARN instead).</summary>
    [JsonIgnore]
    public string? Table => Payload?.Table ?? Source?.Table;
}
