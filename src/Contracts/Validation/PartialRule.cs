namespace TrainingOrchestration.Contracts.Validation;

/// <summary>
/// One rule's state after a part: its failures, and what else its outcome is computed from (observed bounds for
/// <c>range</c> and <c>length</c>, bin counts for numeric <c>drift</c>, and for <c>unique</c>/<c>primary_key</c> the
/// duplicates found inside the part, the null keys and how many keys there were).
/// </summary>
public sealed record PartialRule
{
    public required string Rule { get; init; }
    public PartialSamples? Failures { get; init; }
    public PartialSamples? Nulls { get; init; }
    public double? Min { get; init; }
    public double? Max { get; init; }
    public long[]? Bins { get; init; }
    public long? Keys { get; init; }
    /// <summary>For <c>pattern</c>: the file and row (within the part) where a match timed out, so the note survives a merge.</summary>
    public FailingRow? TimedOutAt { get; init; }
}
