using System.Text.Json.Serialization;

namespace TrainingOrchestration.Tasks.Events;

public sealed record OutputDataConfig(
    [property: JsonPropertyName("S3OutputPath")] string? S3OutputPath,
    [property: JsonPropertyName("KmsKeyId")] string? KmsKeyId);
