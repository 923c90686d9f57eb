namespace TrainingOrchestration.Contracts.Model;

/// <summary>The rule types a contract can use; the YAML name of each is its snake_case form (see README).</summary>
public enum CheckKind
{
    Columns,
    Type,
    NotNull,
    Completeness,
    Unique,
    PrimaryKey,
    AllowedValues,
    Range,
    Length,
    Pattern,
    RowCount,
    RowCountChange,
    Freshness,
    Mean,
    StdDev,
    Quantile,
    Drift,
    Expression,
    GlueJob,
}
