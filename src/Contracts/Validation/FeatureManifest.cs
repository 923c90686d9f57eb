using System.Text.Json.Serialization;

namespace TrainingOrchestration.Contracts.Validation;

/// <summary>The feature job's <c>manifest.json</c> (see WORKFLOW.md, "Feature job"), as far as validation reads it.</summary>
public sealed record FeatureManifest
{
    [JsonPropertyName("pipeline")] public string? Pipeline { get; init; }
    [JsonPropertyName("runId")] public string? RunId { get; init; }
    [JsonPropertyName("rows")] public ManifestRows? Rows { get; init; }
    [JsonPropertyName("ingestedFiles")] public long? IngestedFiles { get; init; }
    [JsonPropertyName("ingestedRows")] public long? IngestedRows { get; init; }
    [JsonPropertyName("watermark")] public string? Watermark { get; init; }
}
