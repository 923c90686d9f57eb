namespace TrainingOrchestration.Contracts.Reading;

/// <summary>A file that is not RFC 4180 CSV (e.g. an unterminated quote); names the data row where it was found.</summary>
public sealed class CsvFormatException(long row, string message) : Exception($"row {row}: {message}")
{
    public long Row { get; } = row;
}
