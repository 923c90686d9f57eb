namespace TrainingOrchestration.Pipelines.Spec;

/// <summary>
/// One column of the source table as <c>source.columns</c> declares it: the change merge reads each change record's
/// after-image into these columns (a DynamoDB attribute of type S, N, BOOL, M, L, SS or NS, a Debezium <c>after</c>
/// field, a DMS CSV field) and casts the value to <see cref="Type"/>; a DynamoDB <c>NULL</c> attribute or a missing
/// field becomes SQL NULL.
/// </summary>
public sealed record SourceColumn(string Name, SourceColumnType Type)
{
    /// <summary>The type name both Spark SQL and DuckDB accept in <c>CAST(x AS ...)</c>.</summary>
    public string SqlType => Type switch
    {
        SourceColumnType.Integer => "BIGINT",
        SourceColumnType.Number => "DOUBLE",
        SourceColumnType.Boolean => "BOOLEAN",
        _ => "STRING",
    };

    /// <summary>The spelling in pipeline.yaml and in the Glue job's <c>--source_columns</c> argument.</summary>
    public string TypeName => Type switch
    {
        SourceColumnType.Integer => "integer",
        SourceColumnType.Number => "number",
        SourceColumnType.Boolean => "boolean",
        SourceColumnType.Json => "json",
        _ => "string",
    };
}

/// <summary>Column types of <c>source.columns</c>: <c>json</c> keeps a map or list attribute as JSON text.</summary>
public enum SourceColumnType { String, Integer, Number, Boolean, Json }
