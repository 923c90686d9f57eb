using System.Text.Json.Serialization;

namespace TrainingOrchestration.Contracts.Validation;

/// <summary>Rows the feature job says it wrote, per output.</summary>
public sealed record ManifestRows
{
    [JsonPropertyName("table")] public long? Table { get; init; }
    [JsonPropertyName("train")] public long? Train { get; init; }
    [JsonPropertyName("validation")] public long? Validation { get; init; }
    [JsonPropertyName("test")] public long? Test { get; init; }
}
