namespace TrainingOrchestration.LocalRuntime.Glue;

/// <summary>
/// Names DuckDB column types as Spark SQL (and so the Glue Data Catalog) names them, so the manifest the local
/// job writes reads the same as the one the Glue job writes.
/// </summary>
public static class SparkTypeNames
{
    public static string From(string duckType) => duckType switch
    {
        "VARCHAR" => "string",
        "BOOLEAN" => "boolean",
        "TINYINT" or "UTINYINT" => "tinyint",
        "SMALLINT" or "USMALLINT" => "smallint",
        "INTEGER" or "UINTEGER" => "int",
        "BIGINT" or "UBIGINT" or "HUGEINT" => "bigint",
        "FLOAT" => "float",
        "DOUBLE" => "double",
        "DATE" => "date",
        _ when duckType.StartsWith("TIMESTAMP", StringComparison.Ordinal) => "timestamp",
        _ when duckType.StartsWith("DECIMAL", StringComparison.Ordinal) => duckType.ToLowerInvariant(),
        _ => duckType.ToLowerInvariant(),
    };
}
