using System.Text.Json;
using System.Text.Json.Serialization;

namespace TrainingOrchestration.Tasks.Events;

/// <summary>The <c>dynamodb</c> member of a DynamoDB Streams record; images stay in DynamoDB JSON.</summary>
public sealed record DynamoDbStreamChange
{
    /// <summary>Epoch seconds; integral in some samples, fractional in others.</summary>
    [JsonPropertyName("ApproximateCreationDateTime")] public double? ApproximateCreationDateTime { get; init; }
    [JsonPropertyName("Keys")] public IReadOnlyDictionary<string, JsonElement>? Keys { get; init; }
    [JsonPropertyName("NewImage")] public IReadOnlyDictionary<string, JsonElement>? NewImage { get; init; }
    [JsonPropertyName("OldImage")] public IReadOnlyDictionary<string, JsonElement>? OldImage { get; init; }
    [JsonPropertyName("SequenceNumber")] public string? SequenceNumber { get; init; }
    [JsonPropertyName("SizeBytes")] public long? SizeBytes { get; init; }
    [JsonPropertyName("StreamViewType")] public string? StreamViewType { get; init; }
}
