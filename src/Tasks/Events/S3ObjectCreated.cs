using System.Text.Json.Serialization;

namespace TrainingOrchestration.Tasks.Events;

/// <summary>Detail of the S3 "Object Created" event (EventBridge notifications); DMS CDC files arrive this way.</summary>
public sealed record S3ObjectCreated
{
    [JsonPropertyName("version")] public string? Version { get; init; }
    [JsonPropertyName("bucket")] public S3BucketRef? Bucket { get; init; }
    [JsonPropertyName("object")] public S3ObjectRef? Object { get; init; }
    [JsonPropertyName("request-id")] public string? RequestId { get; init; }
    [JsonPropertyName("requester")] public string? Requester { get; init; }
    [JsonPropertyName("source-ip-address")] public string? SourceIpAddress { get; init; }
    [JsonPropertyName("reason")] public string? Reason { get; init; }
}
