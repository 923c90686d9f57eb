using System.Text.Json.Serialization;

namespace TrainingOrchestration.Tasks.Events;

/// <summary>Where SageMaker wrote the model: <c>s3://.../output/model.tar.gz</c>.</summary>
public sealed record ModelArtifacts([property: JsonPropertyName("S3ModelArtifacts")] string? S3ModelArtifacts);
