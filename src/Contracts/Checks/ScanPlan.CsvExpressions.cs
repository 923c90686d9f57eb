using TrainingOrchestration.Contracts.Expressions;
using TrainingOrchestration.Contracts.Reading;

namespace TrainingOrchestration.Contracts.Checks;

/// <summary>
/// <c>expression</c> rules over a CSV batch a block of rows at a time, as over Parquet row groups
/// (<see cref="ObserveExpression"/>): the predicate's vector form reads the batch's coerced column vectors
/// (<see cref="CsvBlock"/>), and only the rows where it is false are copied into <see cref="Row"/> and reported, with the
/// same text, row and order as row by row.
/// </summary>
internal sealed partial class ScanPlan
{
    private CsvBlock? csvBlock;

    private void ObserveCsvExpression(ExpressionCheck expression, CsvTableReader reader, CsvRowBatch batch, ReadOnlySpan<int> rows, ScanPosition position,
        long first, int[] columns)
    {
        var block = csvBlock ??= new CsvBlock(this);
        var predicate = expression.Vector;
        for (var start = 0; start < rows.Length; start += VectorNode.BlockRows)
        {
            block.Load(batch, start, Math.Min(VectorNode.BlockRows, rows.Length - start));
            var count = predicate.FindFalse(block, falseRows);
            for (var k = 0; k < count; k++)
            {
                var i = start + falseRows[k];
                position.Row = first + rows[i] + 1;
                LoadCsvRow(reader, rows, columns, i);
                expression.ReportFalse(Row);
            }
        }
    }

    /// <summary>Moves the reader to well-formed row <paramref name="i"/> of the batch and copies its cells of <paramref name="columns"/> into <see cref="Row"/>.</summary>
    private void LoadCsvRow(CsvTableReader reader, ReadOnlySpan<int> rows, int[] columns, int i)
    {
        reader.MoveTo(rows[i]);
        foreach (var c in columns)
        {
            if (steps[c].Index < 0) { Row.States[c] = CellState.Null; continue; }
            Row.States[c] = batchStates[c][i];
            Row.Numbers[c] = batchNumbers[c][i];
        }
    }

    /// <summary>
    /// A block of a CSV batch's well-formed rows as column vectors: slices of the plan's coerced states and numbers (a
    /// column missing from the file is all null), and the texts straight from the batch's fields. CSV has no dictionary.
    /// </summary>
    private sealed class CsvBlock(ScanPlan plan) : IColumnVectors
    {
        private static readonly CellState[] Missing = new CellState[VectorNode.BlockRows];
        private static readonly double[] NoNumbers = new double[VectorNode.BlockRows];
        private CsvRowBatch? batch;
        private int start;

        public int Count { get; private set; }

        /// <summary>Well-formed rows [<paramref name="first"/>, + <paramref name="count"/>) of <paramref name="source"/>.</summary>
        public void Load(CsvRowBatch source, int first, int count)
        {
            batch = source;
            start = first;
            Count = count;
        }

        public ReadOnlySpan<CellState> States(int column) =>
            plan.steps[column].Index < 0 ? Missing.AsSpan(0, Count) : plan.batchStates[column].AsSpan(start, Count);

        public ReadOnlySpan<double> Numbers(int column) =>
            plan.steps[column].Index < 0 ? NoNumbers.AsSpan(0, Count) : plan.batchNumbers[column].AsSpan(start, Count);

        public ReadOnlySpan<char> Text(int column, int row) => CsvColumnCoercion.Text(batch!, plan.batchRows[start + row], plan.steps[column].Index);

        public bool TryEntries(int column, out ReadOnlySpan<int> refs, out long generation)
        {
            refs = default;
            generation = 0;
            return false;
        }

        public ReadOnlySpan<char> EntryText(int column, int entry) =>
            throw new InvalidOperationException("A CSV batch has no dictionary entries.");
    }
}
