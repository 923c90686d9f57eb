namespace TrainingOrchestration.Pipelines.Spec;

/// <summary>The feature SQL and how its result is split into the XGBoost CSV channels.</summary>
public sealed record FeaturesSpec
{
    /// <summary>Absolute path of the feature SQL; it reads the view <c>source</c> and must run on Spark SQL and DuckDB.</summary>
    public required string SqlFile { get; init; }
    public required string EntityKey { get; init; }
    public required string Label { get; init; }
    public required SplitSpec Split { get; init; }
    /// <summary>Glue worker type of the feature job (<c>features.glue.workerType</c>: G.1X, G.2X, G.4X or G.8X).</summary>
    public string GlueWorkerType { get; init; } = "G.1X";
    /// <summary>Glue workers of the feature job (<c>features.glue.workers</c>, 2 to 299: Glue's minimum and default account quota).</summary>
    public int GlueWorkers { get; init; } = 2;
}

/// <summary>Deterministic hash split on the entity key; fractions sum to 1.</summary>
public sealed record SplitSpec(double Train, double Validation, double Test);
