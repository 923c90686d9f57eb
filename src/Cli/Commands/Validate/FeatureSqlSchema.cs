using DuckDB.NET.Data;
using TrainingOrchestration.Contracts;
using TrainingOrchestration.Contracts.Model;
using TrainingOrchestration.LocalRuntime.Sandbox;

namespace TrainingOrchestration.Cli.Commands.Validate;

/// <summary>
/// The columns a pipeline's feature SQL produces, as DuckDB describes them: the table <c>source</c> over the
/// pipeline's sample CSV, read in the contract's declared dialect (delimiter and quote given, never sniffed; column
/// types still inferred), then <c>DESCRIBE</c> of the SQL.
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
        SchemaAgreement.Check(contract, Describe(sqlFile, sampleCsv, contract.Csv), AddedByJob);

    public static IReadOnlyList<(string Name, string SqlType)> Describe(string sqlFile, string sampleCsv, CsvDialect dialect)
    {
        using var connection = OverSample(sampleCsv, dialect);
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
    /// <param name="probeLabel">
    /// When given, <c>source</c> is the sample's first row only, with this column's value replaced by
    /// <see cref="UnknownLabel"/>: what the SQL makes of a label value it was never told about.
    /// </param>
    public static DuckDBConnection OverSample(string sampleCsv, CsvDialect dialect, string? probeLabel = null)
    {
        var connection = new DuckDBConnection("Data Source=:memory:");
        connection.Open();
        try
        {
            using var command = connection.CreateCommand();
            var read = $"read_csv({Literal(sampleCsv)}, header = true, delim = {Literal(dialect.Delimiter.ToString())}, " +
                $"quote = {Literal(dialect.Quote.ToString())}, escape = {Literal(dialect.Quote.ToString())})";
            var select = probeLabel is null ? $"SELECT * FROM {read}"
                : $"SELECT * REPLACE ({Literal(UnknownLabel)} AS \"{probeLabel.Replace("\"", "\"\"")}\") FROM {read} LIMIT 1";
            // A table, not a view: once the connection is sealed, a view over read_csv could not read the file either.
            command.CommandText = $"CREATE TEMP TABLE source AS {select}";
            command.ExecuteNonQuery();
            DuckDbSandbox.Seal(connection, []);
            return connection;
        }
        catch
        {
            connection.Dispose();
            throw;
        }
    }

    /// <summary>A label value no pipeline declares, to see whether the SQL lets it through as a class.</summary>
    public const string UnknownLabel = "__not_a_declared_class__";

    private static string Literal(string text) => "'" + text.Replace("'", "''") + "'";
}
