using DuckDB.NET.Data;

namespace TrainingOrchestration.Cli.Commands.Validate;

/// <summary>
/// The columns a pipeline's feature SQL produces, as DuckDB describes them: the view <c>source</c> over the
/// pipeline's sample CSV (read_csv_auto, as the local feature job does), then <c>DESCRIBE</c> of the SQL.
/// </summary>
internal static class FeatureSqlSchema
{
    public static IReadOnlyList<(string Name, string SqlType)> Describe(string sqlFile, string sampleCsv)
    {
        var sql = File.ReadAllText(sqlFile).Trim().TrimEnd(';');
        using var connection = new DuckDBConnection("Data Source=:memory:");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = $"CREATE VIEW source AS SELECT * FROM read_csv_auto('{sampleCsv.Replace("'", "''")}', header = true)";
        command.ExecuteNonQuery();
        command.CommandText = $"DESCRIBE {sql}";
        using var reader = command.ExecuteReader();
        var columns = new List<(string, string)>();
        while (reader.Read())
        {
            columns.Add((reader.GetString(0), reader.GetString(1)));
        }
        return columns;
    }
}
