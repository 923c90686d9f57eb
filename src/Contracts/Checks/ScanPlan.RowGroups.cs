using System.Runtime.CompilerServices;
using TrainingOrchestration.Contracts.Model;
using TrainingOrchestration.Contracts.Reading;

namespace TrainingOrchestration.Contracts.Checks;

/// <summary>
/// A Parquet row group evaluated a column at a time: each column's cells go through its profiler, type check and cell
/// checks in row order, then the row checks see the rows, with only the columns they read copied into the row. Every
/// check observes the same values in the same order, with the same row in the scan position, as
/// <see cref="Observe"/> row by row, so the outcome is identical; the column loops read the decoded arrays directly,
/// with the type dispatch hoisted out of the loop instead of a virtual read per cell.
/// </summary>
internal sealed partial class ScanPlan
{
    private readonly int[] rowColumns;
    private CellState[] columnStates = [];
    private double[] columnNumbers = [];
    private int stride;

    public void ObserveRowGroup(ParquetTableReader reader, int rows, ScanPosition position)
    {
        var first = position.Row;
        if (stride < rows)
        {
            stride = ParquetColumnBuffer.Grown(rows);
            columnStates = new CellState[rowColumns.Length * stride];
            columnNumbers = new double[rowColumns.Length * stride];
        }
        for (var c = 0; c < steps.Length; c++)
        {
            var step = steps[c];
            if (step.Index < 0) continue;
            var kept = Array.IndexOf(rowColumns, c);
            var states = kept < 0 ? default : columnStates.AsSpan(kept * stride, rows);
            var numbers = kept < 0 ? default : columnNumbers.AsSpan(kept * stride, rows);
            var buffer = reader.Column(step.Index);
            if (buffer.IsText && step.Type == ColumnType.String) ObserveTexts(step, buffer, rows, position, first, states, numbers);
            else if (buffer.IsText) ObserveCoerced(step, buffer, rows, position, first, states, numbers);
            else ObserveNumbers(step, buffer, rows, position, first, states, numbers);
        }
        if (rowChecks.Length > 0) ObserveRows(reader, rows, position, first);
        position.Row = first + rows;
    }

    /// <summary>
    /// Text read as text: null when empty, else a value, no coercion. A column without cell checks whose profiler counts
    /// no categories only needs its nulls counted, unless a row check reads it.
    /// </summary>
    private static void ObserveTexts(Step step, ParquetColumnBuffer buffer, int rows, ScanPosition position, long first, Span<CellState> states, Span<double> numbers)
    {
        var chars = buffer.Chars;
        var starts = buffer.Starts;
        var lengths = buffer.Lengths.AsSpan(0, rows);
        if (step.Checks.Length == 0 && step.Profiler.CountsTextsOnly)
        {
            long nulls = 0;
            for (var i = 0; i < lengths.Length; i++)
            {
                var isNull = lengths[i] == 0;
                if (isNull) nulls++;
                if (!states.IsEmpty) { states[i] = isNull ? CellState.Null : CellState.Value; numbers[i] = double.NaN; }
            }
            step.Profiler.AddTextCounts(rows - nulls, nulls);
            return;
        }
        for (var i = 0; i < rows; i++)
        {
            position.Row = first + i + 1;
            var length = lengths[i];
            var state = length == 0 ? CellState.Null : CellState.Value;
            var text = new ReadOnlySpan<char>(chars, starts[i], length);
            if (!states.IsEmpty) { states[i] = state; numbers[i] = double.NaN; }
            Dispatch(step, state, double.NaN, text);
        }
    }

    /// <summary>Text coerced to a number, boolean or time, as CSV text is.</summary>
    private static void ObserveCoerced(Step step, ParquetColumnBuffer buffer, int rows, ScanPosition position, long first, Span<CellState> states, Span<double> numbers)
    {
        for (var i = 0; i < rows; i++)
        {
            position.Row = first + i + 1;
            var state = ParquetTableReader.ReadAt(buffer, i, step.Type, out var number, out var text);
            if (!states.IsEmpty) { states[i] = state; numbers[i] = number; }
            Dispatch(step, state, number, text);
        }
    }

    /// <summary>
    /// Numbers: the states from the null mask and, where the type asks, the values (as <see cref="ParquetTableReader.ReadAt"/>);
    /// then the cell checks cell by cell, and the profiler over the whole vector.
    /// </summary>
    private void ObserveNumbers(Step step, ParquetColumnBuffer buffer, int rows, ScanPosition position, long first, Span<CellState> states, Span<double> numbers)
    {
        var values = buffer.Numbers.AsSpan(0, rows);
        var nulls = buffer.Nulls.AsSpan(0, rows);
        var cells = states.IsEmpty ? Cells(rows) : states;
        var type = step.Type;
        var temporal = buffer.IsTemporal;
        var invalid = false;
        for (var i = 0; i < rows; i++)
        {
            var number = values[i];
            var state = nulls[i] ? CellState.Null : type switch
            {
                ColumnType.String => CellState.Value,
                ColumnType.Integer => number == Math.Floor(number) ? CellState.Value : CellState.Invalid,
                ColumnType.Boolean => number is 0 or 1 ? CellState.Value : CellState.Invalid,
                ColumnType.Timestamp or ColumnType.Date => temporal ? CellState.Value : CellState.Invalid,
                _ => temporal ? CellState.Invalid : CellState.Value,
            };
            cells[i] = state;
            invalid |= state == CellState.Invalid;
        }
        if (!numbers.IsEmpty) values.CopyTo(numbers);
        if (step.Checks.Length > 0 || invalid)
        {
            var checks = step.Checks;
            for (var i = 0; i < rows; i++)
            {
                position.Row = first + i + 1;
                var state = cells[i];
                if (state == CellState.Invalid) step.TypeCheck.Observe(state, values[i], default);
                foreach (var check in checks) check.Observe(state, values[i], default);
            }
        }
        step.Profiler.ObserveNumbers(cells, values);
    }

    private CellState[] cellScratch = [];

    private Span<CellState> Cells(int rows)
    {
        if (cellScratch.Length < rows) cellScratch = new CellState[ParquetColumnBuffer.Grown(rows)];
        return cellScratch.AsSpan(0, rows);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Dispatch(Step step, CellState state, double number, ReadOnlySpan<char> text)
    {
        step.Profiler.Observe(state, number, text);
        if (state == CellState.Invalid) step.TypeCheck.Observe(state, number, text);
        foreach (var check in step.Checks) check.Observe(state, number, text);
    }

    /// <summary>Drops the column vectors after a file's row groups (the uniqueness check's end phase needs that memory).</summary>
    public void ReleaseColumns()
    {
        columnStates = [];
        columnNumbers = [];
        cellScratch = [];
        stride = 0;
    }

    private void ObserveRows(ParquetTableReader reader, int rows, ScanPosition position, long first)
    {
        var rowStates = Row.States;
        var rowNumbers = Row.Numbers;
        for (var c = 0; c < steps.Length; c++)
        {
            if (steps[c].Index < 0) rowStates[c] = CellState.Null;
        }
        for (var i = 0; i < rows; i++)
        {
            position.Row = first + i + 1;
            reader.MoveTo(i);
            for (var k = 0; k < rowColumns.Length; k++)
            {
                var c = rowColumns[k];
                if (steps[c].Index < 0) continue;
                rowStates[c] = columnStates[k * stride + i];
                rowNumbers[c] = columnNumbers[k * stride + i];
            }
            foreach (var check in rowChecks) check.ObserveRow(Row);
        }
    }
}
