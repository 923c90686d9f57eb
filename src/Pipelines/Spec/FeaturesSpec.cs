namespace TrainingOrchestration.Pipelines.Spec;

/// <summary>The feature SQL and how its result is split into the XGBoost CSV channels.</summary>
public sealed record FeaturesSpec
{
    /// <summary>Absolute path of the feature SQL; it reads the view <c>source</c> and must run on Spark SQL and DuckDB.</summary>
    public required string SqlFile { get; init; }
    public required string EntityKey { get; init; }
    public required string Label { get; init; }
    public required SplitSpec Split { get; init; }
}

/// <summary>Deterministic hash split on the entity key; fractions sum to 1.</summary>
public sealed record SplitSpec(double Train, double Validation, double Test);
