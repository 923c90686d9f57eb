namespace TrainingOrchestration.LocalRuntime.Glue;

/// <summary>What one feature job run produced: where the files are and how many rows went where.</summary>
public sealed record FeatureJobOutcome(
    S3Location FeaturesPrefix,
    int IngestedFiles,
    long IngestedRows,
    long SourceRows,
    SplitRowCounts Rows,
    IReadOnlyList<FeatureColumn> Columns,
    string? Watermark)
{
    /// <summary>What the change merge applied this run.</summary>
    public ChangeCounts Changes { get; init; } = ChangeCounts.None;
}
