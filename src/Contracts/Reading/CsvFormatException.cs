namespace TrainingOrchestration.Contracts.Reading;

/// <summary>
/// A file that is not CSV in the declared dialect (e.g. a quote never closed); names the 1-based line of the file where
/// the problem starts (a quoted field may span lines, so rows and lines differ) and the data row.
/// </summary>
public sealed class CsvFormatException(long line, long row, string message) : Exception($"line {line}: {message}")
{
    /// <summary>The 1-based line of the file (the header is line 1).</summary>
    public long Line { get; } = line;

    /// <summary>Rows read before the problem, the header included.</summary>
    public long Row { get; } = row;
}
