using System.Globalization;
using DuckDB.NET.Data;
using TrainingOrchestration.Contracts.Model;

namespace TrainingOrchestration.LocalRuntime.Glue;

/// <summary>The few DuckDB calls the feature job makes, with SQL quoting and errors that name the job step.</summary>
internal static class DuckDbSql
{
    internal static List<(string Name, string DuckType)> Describe(DuckDBConnection db, string table)
    {
        using var cmd = db.CreateCommand();
        cmd.CommandText = $"DESCRIBE {table}";
        using var reader = cmd.ExecuteReader();
        var columns = new List<(string, string)>();
        while (reader.Read()) columns.Add((reader.GetString(0), reader.GetString(1)));
        return columns;
    }

    internal static void RequireColumn(DuckDBConnection db, string table, string column, string where)
    {
        var columns = Describe(db, table);
        if (!columns.Any(c => string.Equals(c.Name, column, StringComparison.OrdinalIgnoreCase)))
        {
            throw new FeatureJobException($"entity key column '{column}' not found in {where} (columns: {string.Join(", ", columns.Select(c => c.Name))})");
        }
    }

    /// <summary>Runs a statement; returns the rows it changed or, for <c>COPY … TO</c>, wrote.</summary>
    internal static long Execute(DuckDBConnection db, string sql, string step)
    {
        try
        {
            using var cmd = db.CreateCommand();
            cmd.CommandText = sql;
            return cmd.ExecuteNonQuery();
        }
        catch (DuckDBException e)
        {
            throw new FeatureJobException($"{step} failed: {e.Message}", e);
        }
    }

    internal static long Scalar(DuckDBConnection db, string sql)
    {
        using var cmd = db.CreateCommand();
        cmd.CommandText = sql;
        return Convert.ToInt64(cmd.ExecuteScalar(), CultureInfo.InvariantCulture);
    }

    /// <summary>
    /// The first row of a query as text (empty when it has no rows; a NULL is ""). With <paramref name="step"/>, a DuckDB
    /// error becomes a <see cref="FeatureJobException"/> naming it, as in <see cref="Execute"/>.
    /// </summary>
    internal static List<string> Strings(DuckDBConnection db, string sql, string? step = null)
    {
        try
        {
            using var cmd = db.CreateCommand();
            cmd.CommandText = sql;
            using var reader = cmd.ExecuteReader();
            var values = new List<string>();
            if (!reader.Read()) return values;
            for (var i = 0; i < reader.FieldCount; i++) values.Add(reader.IsDBNull(i) ? "" : Convert.ToString(reader.GetValue(i), CultureInfo.InvariantCulture) ?? "");
            return values;
        }
        catch (DuckDBException e) when (step is not null)
        {
            throw new FeatureJobException($"{step} failed: {e.Message}", e);
        }
    }

    /// <summary>
    /// <c>read_csv</c> of one file in the declared dialect (every value text unless <paramref name="allText"/> is false): <c>delim</c>, <c>quote</c> and
    /// <c>escape</c> (the quote doubled, RFC 4180) given, so DuckDB's sniffer decides neither
    /// (https://duckdb.org/docs/data/csv/overview: options given explicitly are not auto-detected).
    /// </summary>
    internal static string ReadCsv(string path, CsvDialect dialect, bool header, string? more = null, bool allText = true) =>
        $"read_csv({Literal(path)}, header = {(header ? "true" : "false")}, delim = {Literal(dialect.Delimiter.ToString())}, " +
        $"quote = {Literal(dialect.Quote.ToString())}, escape = {Literal(dialect.Quote.ToString())}, all_varchar = {(allText ? "true" : "false")}" +
        $"{(more is null ? "" : ", " + more)})";

    /// <summary>The <c>COPY … TO</c> options that write CSV in the declared dialect.</summary>
    internal static string CopyCsvOptions(CsvDialect dialect, bool header) =>
        $"HEADER {(header ? "true" : "false")}, DELIMITER {Literal(dialect.Delimiter.ToString())}, QUOTE {Literal(dialect.Quote.ToString())}, ESCAPE {Literal(dialect.Quote.ToString())}";

    internal static string FileList(IEnumerable<string> paths) => "[" + string.Join(", ", paths.Select(Literal)) + "]";

    internal static string Literal(string text) => "'" + text.Replace("'", "''") + "'";

    internal static string Quote(string identifier) => "\"" + identifier.Replace("\"", "\"\"") + "\"";

    internal static string Number(double value) => value.ToString("R", CultureInfo.InvariantCulture) + "::DOUBLE";
}
