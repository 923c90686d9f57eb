using TrainingOrchestration.Contracts.Model;

namespace TrainingOrchestration.Contracts.Reading;

/// <summary>
/// What makes a CSV file unreadable in its declared dialect, said exactly: an empty file, a column named twice in the
/// header, an unbalanced quote (with the line it opens on). Used before a file is handed to DuckDB, whose reader would
/// otherwise rename a duplicate column or report a quote error far from where it starts; the Glue script's
/// <c>check_csv_lines</c> says the same about the same file.
/// </summary>
public static class CsvFileCheck
{
    /// <returns>Null when the file reads cleanly, else the problem, starting with the line when there is one.</returns>
    public static string? Problem(Stream stream, CsvDialect dialect, bool header)
    {
        using var parser = new CsvRowParser(stream, dialect: dialect);
        try
        {
            if (!parser.ReadRow()) return "the file is empty" + (header ? " (no header row)" : "");
            if (header)
            {
                var names = Enumerable.Range(0, parser.FieldCount).Select(i => parser.Field(i).ToString()).ToList();
                var twice = names.Select((name, i) => (name, i)).GroupBy(h => h.name).FirstOrDefault(g => g.Count() > 1);
                if (twice is not null)
                {
                    return $"line 1: the header names column '{twice.Key}' {twice.Count()} times (columns {string.Join(" and ", twice.Select(h => h.i + 1))})";
                }
            }
            while (parser.ReadRow())
            {
            }
            return null;
        }
        catch (CsvFormatException e)
        {
            return e.Message;
        }
    }

    /// <summary>The same check over a file on disk.</summary>
    public static string? Problem(string path, CsvDialect dialect, bool header)
    {
        using var stream = File.OpenRead(path);
        return Problem(stream, dialect, header);
    }
}
