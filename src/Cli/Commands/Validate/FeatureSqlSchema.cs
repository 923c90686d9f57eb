using DuckDB.NET.Data;
using TrainingOrchestration.Contracts;
using TrainingOrchestration.Contracts.Model;
using TrainingOrchestration.LocalRuntime.Sandbox;

namespace TrainingOrchestration.Cli.Commands.Validate;

/// <summary>
/// The columns a pipeline's feature SQL produces, as DuckDB describes them: the view <c>source</c> over the
/// pipeline's sample CSV (read_csv_auto, as the local feature job does), then <c>DESCRIBE</c> of the SQL.
/// </summary>
internal static class FeatureSqlSchema
{
    /// <summary>Columns the feature job adds after the SQL (WORKFLOW.md "Feature job").</summary>
    public static readonly string[] AddedByJob = ["split"];

    /// <summary>
    /// The contract's columns that the feature SQL does not produce, or types incompatibly, each located in the
    /// contract file; used by <c>validate</c> and by <c>synth</c>, so a stack is never built on a contract its SQL cannot meet.
    /// </summary>
    public static IReadOnlyList<ContractError> Disagreements(DataContract contract, string sqlFile, string sampleCsv) =>
        SchemaAgreement.Check(contract, Describe(sqlFile, sampleCsv), AddedByJob);

    public static IReadOnlyList<(string Name, string SqlType)> Describe(string sqlFile, string sampleCsv)
    {
        var sql = File.ReadAllText(sqlFile).Trim().TrimEnd(';');
        using var connection = new DuckDBConnection("Data Source=:memory:");
        connection.Open();
        using var command = connection.CreateCommand();
        // A table, not a view: once the connection is sealed, a view over read_csv_auto could not read the file either.
        command.CommandText = $"CREATE TEMP TABLE source AS SELECT * FROM read_csv_auto('{sampleCsv.Replace("'", "''")}', header = true)";
        command.ExecuteNonQuery();
        DuckDbSandbox.Seal(connection, []);
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
