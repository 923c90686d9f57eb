namespace TrainingOrchestration.LocalRuntime.Glue;

/// <summary>What one feature job run produced: where the files are and how many rows went where.</summary>
public sealed record FeatureJobOutcome(
    S3Location FeaturesPrefix,
    int IngestedFiles,
    long IngestedRows,
    long SourceRows,
    SplitRowCounts Rows,
    IReadOnlyList<FeatureColumn> Columns,
    string? Watermark);

/// <summary>Row counts of <c>table/</c> and the three channels.</summary>
public sealed record SplitRowCounts(long Table, long Train, long Validation, long Test);

/// <summary>A column of <c>table/</c>, with its type as the Glue job (Spark SQL) names it.</summary>
public sealed record FeatureColumn(string Name, string Type);
