using TrainingOrchestration.Contracts.Model;
using TrainingOrchestration.Contracts.Reading;

namespace TrainingOrchestration.Contracts.Checks;

/// <summary>
/// A batch of CSV rows evaluated a column at a time, as Parquet row groups are: rows with the wrong number of fields are
/// reported first (they take a row number but no rule sees them); then per contract column its cells are coerced into a
/// states vector and a numbers vector (<see cref="CsvColumnCoercion"/>), the type check sees the invalid ones, the cell
/// checks every cell in row order, the profiler the vectors; then each row check over the batch's rows, reading the
/// vectors. Every check observes the same values in the same order, with the same row in the scan position, as
/// <see cref="Observe"/> row by row, so the outcome is identical.
/// </summary>
internal sealed partial class ScanPlan
{
    /// <summary>Per contract column, the batch's coerced cells (well-formed rows only, in row order): what row checks read.</summary>
    private CellState[][] batchStates = [];
    private double[][] batchNumbers = [];
    /// <summary>The batch index of each well-formed row.</summary>
    private int[] batchRows = [];

    /// <summary>Observes a batch whose first row follows <see cref="ScanPosition.Row"/>; returns how many rows had the header's field count.</summary>
    public int ObserveBatch(CsvTableReader reader, CsvRowBatch batch, ScanPosition position, SchemaTracker schema)
    {
        var first = position.Row;
        var rows = WellFormedRows(reader, batch, position, schema);
        for (var c = 0; c < steps.Length; c++)
        {
            var step = steps[c];
            if (step.Index < 0) continue;
            var states = batchStates[c].AsSpan(0, rows.Length);
            var numbers = batchNumbers[c].AsSpan(0, rows.Length);
            var invalid = CsvColumnCoercion.Coerce(reader, batch, step.Index, step.Type, rows, states, numbers);
            if (step.Type == ColumnType.String) ObserveTexts(step, batch, rows, states, position, first);
            else ObserveNumbers(step, batch, rows, states, numbers, invalid > 0, position, first);
        }
        if (rowChecks.Length > 0) ObserveRows(reader, batch, rows, position, first);
        position.Row = first + batch.Rows;
        return rows.Length;
    }

    /// <summary>Reports the ragged rows at their row numbers and lists the others; sizes the column vectors.</summary>
    private ReadOnlySpan<int> WellFormedRows(CsvTableReader reader, CsvRowBatch batch, ScanPosition position, SchemaTracker schema)
    {
        var expected = reader.Columns.Count;
        if (batchRows.Length < batch.Rows) Grow(batch.Rows);
        var fieldCounts = batch.RowFieldCount;
        var rows = 0;
        for (var r = 0; r < batch.Rows; r++)
        {
            if (fieldCounts[r] == expected) batchRows[rows++] = r;
        }
        if (rows < batch.Rows) ReportRagged(batch, expected, position, schema);
        return batchRows.AsSpan(0, rows);
    }

    private static void ReportRagged(CsvRowBatch batch, int expected, ScanPosition position, SchemaTracker schema)
    {
        var first = position.Row;
        for (var r = 0; r < batch.Rows; r++)
        {
            var fields = batch.RowFieldCount[r];
            if (fields == expected) continue;
            position.Row = first + r + 1;
            schema.Ragged(fields, expected);
        }
        position.Row = first;
    }

    private void Grow(int rows)
    {
        var capacity = Math.Max(rows, batchRows.Length * 2);
        batchRows = new int[capacity];
        if (batchStates.Length == 0)
        {
            batchStates = new CellState[steps.Length][];
            batchNumbers = new double[steps.Length][];
        }
        for (var c = 0; c < steps.Length; c++)
        {
            batchStates[c] = new CellState[capacity];
            batchNumbers[c] = new double[capacity];
        }
    }

    /// <summary>
    /// A text column: its cell checks cell by cell; the profiler counts nulls and values from the states when it counts
    /// no categories, else sees each cell.
    /// </summary>
    private static void ObserveTexts(Step step, CsvRowBatch batch, ReadOnlySpan<int> rows, ReadOnlySpan<CellState> states, ScanPosition position, long first)
    {
        var profiler = step.Profiler;
        var checks = step.Checks;
        var countsOnly = profiler.CountsTextsOnly;
        if (countsOnly)
        {
            long nulls = 0;
            foreach (var state in states)
            {
                if (state == CellState.Null) nulls++;
            }
            profiler.AddTextCounts(states.Length - nulls, nulls);
            if (checks.Length == 0) return;
        }
        for (var i = 0; i < rows.Length; i++)
        {
            position.Row = first + rows[i] + 1;
            var state = states[i];
            var text = CsvColumnCoercion.Text(batch, rows[i], step.Index);
            if (!countsOnly) profiler.Observe(state, double.NaN, text);
            foreach (var check in checks) check.Observe(state, double.NaN, text);
        }
    }

    /// <summary>
    /// A typed column: the type check on invalid cells and the cell checks cell by cell (skipped when there are neither),
    /// then the profiler over the vectors.
    /// </summary>
    private static void ObserveNumbers(Step step, CsvRowBatch batch, ReadOnlySpan<int> rows, ReadOnlySpan<CellState> states, ReadOnlySpan<double> numbers,
        bool invalid, ScanPosition position, long first)
    {
        var checks = step.Checks;
        if (checks.Length > 0 || invalid)
        {
            for (var i = 0; i < rows.Length; i++)
            {
                var state = states[i];
                if (checks.Length == 0 && state != CellState.Invalid) continue;
                position.Row = first + rows[i] + 1;
                var text = CsvColumnCoercion.Text(batch, rows[i], step.Index);
                if (state == CellState.Invalid) step.TypeCheck.Observe(state, numbers[i], text);
                foreach (var check in checks) check.Observe(state, numbers[i], text);
            }
        }
        step.Profiler.ObserveNumbers(states, numbers);
    }

    /// <summary>
    /// The row checks, each over the batch in its own loop (they are independent): a unique key of one text column read
    /// straight from the batch; an expression over the column vectors (<see cref="ObserveCsvExpression"/>); the others
    /// through <see cref="Row"/>, with their columns' states and numbers copied from the vectors and the reader on the
    /// row for texts.
    /// </summary>
    private void ObserveRows(CsvTableReader reader, CsvRowBatch batch, ReadOnlySpan<int> rows, ScanPosition position, long first)
    {
        for (var r = 0; r < rowChecks.Length; r++)
        {
            var check = rowChecks[r];
            if (check is UniqueCheck { TextKeyColumn: var key and >= 0 } unique && steps[key].Index >= 0)
            {
                var keyStates = batchStates[key];
                var field = steps[key].Index;
                for (var i = 0; i < rows.Length; i++)
                {
                    position.Row = first + rows[i] + 1;
                    unique.ObserveKey(keyStates[i] == CellState.Null ? default : CsvColumnCoercion.Text(batch, rows[i], field));
                }
                continue;
            }
            var columns = rowCheckColumns[r];
            if (check is ExpressionCheck expression)
            {
                ObserveCsvExpression(expression, reader, batch, rows, position, first, columns);
                continue;
            }
            for (var i = 0; i < rows.Length; i++)
            {
                position.Row = first + rows[i] + 1;
                LoadCsvRow(reader, rows, columns, i);
                check.ObserveRow(Row);
            }
        }
    }

    /// <summary>Drops the column vectors after a file (the uniqueness check's end phase needs that memory).</summary>
    public void ReleaseBatchColumns()
    {
        batchStates = [];
        batchNumbers = [];
        batchRows = [];
    }
}
