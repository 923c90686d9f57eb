using System.Text.Json.Serialization;

namespace TrainingOrchestration.Tasks.Events;

public sealed record S3BucketRef([property: JsonPropertyName("name")] string? Name);
