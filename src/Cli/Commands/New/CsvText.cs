using DuckDB.NET.Data;

namespace TrainingOrchestration.Cli.Commands.New;

/// <summary>
/// Reads the user's CSV for the scaffold with the delimiter and quoting declared (comma, double quote, header row) and
/// every value as text, so the profile and the sample copy both see exactly what is written in the file.
/// </summary>
internal sealed class CsvText : IDisposable
{
    private readonly DuckDBConnection _connection;
    private readonly DuckDBCommand _command;

    public CsvText(string csvFile)
    {
        _connection = new DuckDBConnection("Data Source=:memory:");
        _connection.Open();
        _command = _connection.CreateCommand();
        _command.CommandText =
            $"SELECT * FROM read_csv('{csvFile.Replace("'", "''")}', header = true, delim = ',', quote = '\"', escape = '\"', all_varchar = true)";
        Rows = _command.ExecuteReader();
    }

    /// <summary>The rows; a NULL is an empty cell.</summary>
    public System.Data.Common.DbDataReader Rows { get; }

    public void Dispose()
    {
        Rows.Dispose();
        _command.Dispose();
        _connection.Dispose();
    }
}
