using TrainingOrchestration.Contracts.Reading;

namespace TrainingOrchestration.Contracts.Checks;

/// <summary>
/// A cell check that observes a numeric column of a Parquet row group in one loop (no virtual call and no scan position
/// per cell): exactly what <see cref="Check.Observe"/> of each cell in row order would do, a numeric cell having no text,
/// with the scan position set to a cell's row only where it fails.
/// </summary>
internal interface INumberVectorCheck
{
    /// <param name="first">Rows before the group: cell <c>i</c> is row <c>first + i + 1</c>.</param>
    void ObserveNumbers(ReadOnlySpan<CellState> cells, ReadOnlySpan<double> values, ScanPosition position, long first);
}
