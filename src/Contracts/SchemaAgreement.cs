using TrainingOrchestration.Contracts.Model;

namespace TrainingOrchestration.Contracts;

/// <summary>
/// Checks a contract against the columns the feature SQL produces (as DuckDB describes them), so a contract that
/// names a column the SQL does not produce, or types it incompatibly, is refused before anything runs. Columns the
/// feature job adds after the SQL (the <c>split</c>) are passed as <c>addedByJob</c>.
/// </summary>
public static class SchemaAgreement
{
    public static IReadOnlyList<ContractError> Check(DataContract contract, IReadOnlyList<(string Name, string SqlType)> produced, IReadOnlyCollection<string> addedByJob)
    {
        var errors = new List<ContractError>();
        foreach (var column in contract.Columns)
        {
            if (addedByJob.Contains(column.Name)) continue;
            var match = produced.FirstOrDefault(p => p.Name == column.Name);
            if (match.Name is null)
            {
                errors.Add(new ContractError(column.Location, $"column:{column.Name}",
                    $"the feature SQL does not produce column '{column.Name}' (it produces: {string.Join(", ", produced.Select(p => p.Name))})"));
                continue;
            }
            if (!Compatible(column.Type, match.SqlType))
            {
                errors.Add(new ContractError(column.Location, $"column:{column.Name}",
                    $"column '{column.Name}' is {column.Type.ToString().ToLowerInvariant()} in the contract but {match.SqlType} in the feature SQL"));
            }
        }
        return errors;
    }

    private static bool Compatible(ColumnType type, string sqlType)
    {
        var t = sqlType.ToUpperInvariant();
        var integer = t is "TINYINT" or "SMALLINT" or "INTEGER" or "BIGINT" or "HUGEINT" or "UTINYINT" or "USMALLINT" or "UINTEGER" or "UBIGINT" or "UHUGEINT";
        var numeric = integer || t is "FLOAT" or "DOUBLE" or "REAL" || t.StartsWith("DECIMAL", StringComparison.Ordinal);
        return type switch
        {
            ColumnType.String => true,
            ColumnType.Integer => integer || t == "BOOLEAN",
            ColumnType.Decimal => numeric,
            ColumnType.Boolean => t == "BOOLEAN" || integer,
            ColumnType.Timestamp => t.StartsWith("TIMESTAMP", StringComparison.Ordinal),
            ColumnType.Date => t == "DATE" || t.StartsWith("TIMESTAMP", StringComparison.Ordinal),
            _ => false,
        };
    }
}
