using System.Text.Json.Serialization;
using TrainingOrchestration.Contracts.Validation;

namespace TrainingOrchestration.Tasks.Validation;

/// <summary>The ValidateFeatures payload (WORKFLOW.md step 4).</summary>
public sealed record ValidateFeaturesRequest
{
    [JsonPropertyName("pipeline")] public required string Pipeline { get; init; }
    [JsonPropertyName("runId")] public required string RunId { get; init; }
    [JsonPropertyName("bucket")] public string? Bucket { get; init; }
    /// <summary><c>features/&lt;p&gt;/run=&lt;runId&gt;/</c>; the table is under <c>table/</c>, the manifest beside it.</summary>
    [JsonPropertyName("featuresPrefix")] public string? FeaturesPrefix { get; init; }
    [JsonPropertyName("glueJobRun")] public GlueJobRun? GlueJobRun { get; init; }
    /// <summary>
    /// The results of <c>ValidateFeatureParts</c> (the Distributed Map, one <see cref="ValidatePartResponse"/> per table
    /// part): when present the function merges them instead of reading the table itself.
    /// </summary>
    [JsonPropertyName("parts")] public IReadOnlyList<ValidatePartResponse>? Parts { get; init; }
}
