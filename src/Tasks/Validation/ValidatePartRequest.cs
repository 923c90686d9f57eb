using System.Text.Json.Serialization;

namespace TrainingOrchestration.Tasks.Validation;

/// <summary>
/// The ValidatePart payload: one item of the <c>ValidateFeatureParts</c> Distributed Map, whose ItemReader lists the
/// run's table parts (S3 ListObjectsV2: <c>Key</c>, <c>Size</c>) and whose ItemSelector adds the run.
/// </summary>
public sealed record ValidatePartRequest
{
    [JsonPropertyName("pipeline")] public required string Pipeline { get; init; }
    [JsonPropertyName("runId")] public required string RunId { get; init; }
    [JsonPropertyName("bucket")] public string? Bucket { get; init; }
    /// <summary>The part's object key, under <c>features/&lt;p&gt;/run=&lt;runId&gt;/table/</c>.</summary>
    [JsonPropertyName("key")] public required string Key { get; init; }
    [JsonPropertyName("size")] public long Size { get; init; }
}

/// <summary>What ValidatePart returns: where it left the part's mergeable result (null for an object that is not a table part).</summary>
public sealed record ValidatePartResponse
{
    [JsonPropertyName("key")] public required string Key { get; init; }
    [JsonPropertyName("partialKey")] public string? PartialKey { get; init; }
    [JsonPropertyName("rowCount")] public long RowCount { get; init; }
}
