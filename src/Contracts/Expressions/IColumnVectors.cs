using TrainingOrchestration.Contracts.Reading;

namespace TrainingOrchestration.Contracts.Expressions;

/// <summary>
/// A block of consecutive rows (at most <see cref="VectorNode.BlockRows"/>) by contract column, as a vector predicate
/// reads them: each column's coerced states and numbers as <see cref="IRowValues"/> would give them row by row, and its
/// text per row (asked only where the state is a value).
/// </summary>
internal interface IColumnVectors
{
    /// <summary>Rows in the block.</summary>
    int Count { get; }

    ReadOnlySpan<CellState> States(int column);

    ReadOnlySpan<double> Numbers(int column);

    /// <summary>Row <paramref name="row"/> (0-based in the block) of a text column.</summary>
    ReadOnlySpan<char> Text(int column, int row);

    /// <summary>
    /// When the column's texts are dictionary entries: each row's entry, and a number that changes whenever the entries
    /// do (a new row group), so a per-entry result can be kept until then.
    /// </summary>
    bool TryEntries(int column, out ReadOnlySpan<int> refs, out long generation);

    ReadOnlySpan<char> EntryText(int column, int entry);
}
