using TrainingOrchestration.Contracts.Model;

namespace TrainingOrchestration.Contracts.Checks;

/// <summary>The YAML (snake_case) name of each check, used in outcomes and metrics.</summary>
public static class CheckNames
{
    public static string Of(CheckKind kind) => kind switch
    {
        CheckKind.Columns => "columns",
        CheckKind.Type => "type",
        CheckKind.NotNull => "not_null",
        CheckKind.Completeness => "completeness",
        CheckKind.Unique => "unique",
        CheckKind.PrimaryKey => "primary_key",
        CheckKind.AllowedValues => "allowed_values",
        CheckKind.Range => "range",
        CheckKind.Length => "length",
        CheckKind.Pattern => "pattern",
        CheckKind.RowCount => "row_count",
        CheckKind.RowCountChange => "row_count_change",
        CheckKind.Freshness => "freshness",
        CheckKind.Mean => "mean",
        CheckKind.StdDev => "stddev",
        CheckKind.Quantile => "quantile",
        CheckKind.Drift => "drift",
        CheckKind.Expression => "expression",
        CheckKind.GlueJob => "glue_job",
        _ => kind.ToString().ToLowerInvariant(),
    };
}
