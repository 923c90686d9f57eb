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
        using var connection = OverSample(sampleCsv);
        using var command = connection.CreateCommand();
        command.CommandText = $"DESCRIBE {Sql(sqlFile)}";
        using var reader = command.ExecuteReader();
        var columns = new List<(string, string)>();
        while (reader.Read())
        {
            columns.Add((reader.GetString(0), reader.GetString(1)));
        }
        return columns;
    }

    /// <summary>The feature SQL's text as DuckDB runs it (no trailing semicolon, so it can be wrapped).</summary>
    public static string Sql(string sqlFile) => File.ReadAllText(sqlFile).Trim().TrimEnd(';');

    /// <summary>
    /// A sealed in-memory connection holding the sample as the table <c>source</c>: every check that runs the user's
    /// feature SQL over the sample goes through it, so none of them bypasses the sandbox.
    /// </summary>
    public static DuckDBConnection OverSample(string sampleCsv)
    {
        var connection = new DuckDBConnection("Data Source=:memory:");
        connection.Open();
        using var command = connection.CreateCommand();
        // A table, not a view: once the connection is sealed, a view over read_csv_auto could not read the file either.
        command.CommandText = $"CREATE TEMP TABLE source AS SELECT * FROM read_csv_auto('{sampleCsv.Replace("'", "''")}', header = true)";
        command.ExecuteNonQuery();
        DuckDbSandbox.Seal(connection, []);
        return connection;
    }
}
