using System.Text.Json.Serialization;

namespace TrainingOrchestration.Tasks.Events;

public sealed record S3ObjectRef
{
    [JsonPropertyName("key")] public string? Key { get; init; }
    [JsonPropertyName("size")] public long? Size { get; init; }
    [JsonPropertyName("etag")] public string? ETag { get; init; }
    [JsonPropertyName("version-id")] public string? VersionId { get; init; }
    [JsonPropertyName("sequencer")] public string? Sequencer { get; init; }
}
