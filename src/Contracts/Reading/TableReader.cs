using TrainingOrchestration.Contracts.Model;

namespace TrainingOrchestration.Contracts.Reading;

/// <summary>
/// A forward-only reader over one table file (CSV or Parquet), one row at a time, holding at most one buffer
/// (CSV) or one row group (Parquet) in memory. The validator reads every file through this one shape.
/// </summary>
public abstract class TableReader : IAsyncDisposable
{
    /// <summary>The file's column names (CSV header or Parquet schema), in file order.</summary>
    public abstract IReadOnlyList<string> Columns { get; }

    /// <summary>Fields in the current row (CSV rows can be ragged; Parquet rows never are).</summary>
    public abstract int FieldCount { get; }

    /// <summary>Advances to the next row; false at the end of the file.</summary>
    public abstract ValueTask<bool> ReadAsync(CancellationToken cancellationToken = default);

    /// <summary>
    /// The current row's field <paramref name="index"/> coerced to <paramref name="type"/>. <paramref name="text"/>
    /// is the raw text when the reader has it without formatting (always for CSV, for strings in Parquet).
    /// </summary>
    public abstract CellState Read(int index, ColumnType type, out double number, out ReadOnlySpan<char> text);

    /// <summary>The current row's field text when the file holds text (CSV, Parquet strings); empty otherwise.</summary>
    public abstract ReadOnlySpan<char> RawText(int index);

    /// <summary>The current row's field as text for messages and keys; formats typed values if need be.</summary>
    public abstract string Describe(int index);

    public abstract ValueTask DisposeAsync();
}
