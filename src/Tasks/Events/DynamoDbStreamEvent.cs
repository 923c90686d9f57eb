using System.Text.Json.Serialization;

namespace TrainingOrchestration.Tasks.Events;

/// <summary>
/// The Lambda event-source shape of DynamoDB Streams (<c>{"Records": [...]}</c>). Each record is what EventBridge
/// Pipes forwards as a <see cref="TableChange"/> detail.
/// </summary>
public sealed record DynamoDbStreamEvent([property: JsonPropertyName("Records")] IReadOnlyList<TableChange> Records);
