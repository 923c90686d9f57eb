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
    /// <summary>Per row check, the contract columns it reads (an array: no enumerator per row).</summary>
    private readonly int[][] rowCheckColumns;

    public void ObserveRowGroup(ParquetTableReader reader, int rows, ScanPosition position)
    {
        rowGroupSerial++;
        var first = position.Row;
        for (var c = 0; c < steps.Length; c++)
        {
            var step = steps[c];
            if (step.Index < 0) continue;
            var buffer = reader.Column(step.Index);
            if (buffer.IsText && step.Type == ColumnType.String) ObserveTexts(step, buffer, rows, position, first);
            else if (buffer.IsText) ObserveCoerced(step, buffer, rows, position, first);
            else ObserveNumbers(step, buffer, rows, position, first);
        }
        if (rowChecks.Length > 0) ObserveRows(reader, rows, position, first);
        position.Row = first + rows;
    }

    /// <summary>
    /// Text read as text: null when empty, else a value, no coercion. A column without cell checks whose profiler counts
    /// no categories only needs its nulls counted.
    /// </summary>
    private void ObserveTexts(Step step, ParquetColumnBuffer buffer, int rows, ScanPosition position, long first)
    {
        if (buffer.IsDictionary)
        {
            ObserveDictionaryTexts(step, buffer, rows, position, first);
            return;
        }
        var chars = buffer.Chars;
        var starts = buffer.Starts;
        var lengths = buffer.Lengths.AsSpan(0, rows);
        if (step.Checks.Length == 0 && step.Profiler.CountsTextsOnly)
        {
            long nulls = 0;
            foreach (var length in lengths)
            {
                if (length == 0) nulls++;
            }
            step.Profiler.AddTextCounts(rows - nulls, nulls);
            return;
        }
        for (var i = 0; i < rows; i++)
        {
            position.Row = first + i + 1;
            var length = lengths[i];
            Dispatch(step, length == 0 ? CellState.Null : CellState.Value, double.NaN, new ReadOnlySpan<char>(chars, starts[i], length));
        }
    }

    /// <summary>
    /// A dictionary-encoded text column: when the profiler only counts, an entry every check passes without effect
    /// (allowed_values) is decided once per row group and its repeats only counted; the other rows are observed.
    /// </summary>
    private void ObserveDictionaryTexts(Step step, ParquetColumnBuffer buffer, int rows, ScanPosition position, long first)
    {
        var chars = buffer.Chars;
        var refs = buffer.Refs.AsSpan(0, rows);
        var starts = buffer.EntryStarts;
        var lengths = buffer.EntryLengths;
        var countsOnly = step.Profiler.CountsTextsOnly;
        var verdicts = countsOnly ? Verdicts(buffer.EntryCount + 1) : default;
        long skipped = 0, skippedNulls = 0;
        for (var i = 0; i < rows; i++)
        {
            var entry = refs[i];
            var length = lengths[entry];
            var text = new ReadOnlySpan<char>(chars, starts[entry], length);
            if (countsOnly)
            {
                ref var verdict = ref verdicts[entry];
                if (verdict == 0) verdict = (length == 0 ? step.Checks.Length == 0 : PassesEverywhere(step, text)) ? (byte)1 : (byte)2;
                if (verdict == 1)
                {
                    if (length == 0) skippedNulls++;
                    else skipped++;
                    continue;
                }
            }
            position.Row = first + i + 1;
            Dispatch(step, length == 0 ? CellState.Null : CellState.Value, double.NaN, text);
        }
        if (skipped > 0 || skippedNulls > 0) step.Profiler.AddTextCounts(skipped, skippedNulls);
    }

    private static bool PassesEverywhere(Step step, ReadOnlySpan<char> text)
    {
        foreach (var check in step.Checks)
        {
            if (!check.PassesWithoutEffect(CellState.Value, double.NaN, text)) return false;
        }
        return true;
    }

    private byte[] verdictScratch = [];

    /// <summary>Per dictionary entry: 0 not yet known, 1 passes every check without effect (only counted), 2 observe it.</summary>
    private Span<byte> Verdicts(int entries)
    {
        if (verdictScratch.Length < entries) verdictScratch = new byte[Math.Max(entries, 256)];
        var verdicts = verdictScratch.AsSpan(0, entries);
        verdicts.Clear();
        return verdicts;
    }

    /// <summary>Text coerced to a number, boolean or time, as CSV text is.</summary>
    private static void ObserveCoerced(Step step, ParquetColumnBuffer buffer, int rows, ScanPosition position, long first)
    {
        for (var i = 0; i < rows; i++)
        {
            position.Row = first + i + 1;
            var state = ParquetTableReader.ReadAt(buffer, i, step.Type, out var number, out var text);
            Dispatch(step, state, number, text);
        }
    }

    /// <summary>
    /// Numbers: the states from the null mask and, where the type asks, the values (as <see cref="ParquetTableReader.ReadAt"/>);
    /// then the cell checks, each over the column (in one loop of its own when it is an <see cref="INumberVectorCheck"/>),
    /// and the profiler over the whole vector.
    /// </summary>
    private void ObserveNumbers(Step step, ParquetColumnBuffer buffer, int rows, ScanPosition position, long first)
    {
        var values = buffer.IsDictionary ? Materialize(buffer, rows) : buffer.Numbers.AsSpan(0, rows);
        var nulls = buffer.Nulls.AsSpan(0, rows);
        var cells = Cells(rows);
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
        if (invalid)
        {
            for (var i = 0; i < rows; i++)
            {
                if (cells[i] != CellState.Invalid) continue;
                position.Row = first + i + 1;
                step.TypeCheck.Observe(CellState.Invalid, values[i], default);
            }
        }
        // Each check over the whole column in turn: the checks keep apart state, so this is the cell-by-cell outcome.
        foreach (var check in step.Checks)
        {
            if (check is INumberVectorCheck vector)
            {
                vector.ObserveNumbers(cells, values, position, first);
                continue;
            }
            for (var i = 0; i < rows; i++)
            {
                position.Row = first + i + 1;
                check.Observe(cells[i], values[i], default);
            }
        }
        step.Profiler.ObserveNumbers(cells, values);
    }

    private CellState[] cellScratch = [];
    private double[] numberScratch = [];

    /// <summary>A dictionary-encoded numeric column's values by row, in one vector shared by the plan's columns.</summary>
    private Span<double> Materialize(ParquetColumnBuffer buffer, int rows)
    {
        if (numberScratch.Length < rows) numberScratch = new double[ParquetColumnBuffer.Grown(rows)];
        var values = numberScratch.AsSpan(0, rows);
        var entries = buffer.EntryNumbers;
        var refs = buffer.Refs.AsSpan(0, rows);
        for (var i = 0; i < refs.Length; i++) values[i] = entries[refs[i]];
        return values;
    }

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

    /// <summary>Drops the scratch vector after a file's row groups (the uniqueness check's end phase needs that memory).</summary>
    public void ReleaseColumns()
    {
        cellScratch = [];
        numberScratch = [];
        verdictScratch = [];
    }

    /// <summary>
    /// The row checks, each over the row group in its own loop (they are independent, so the order between them does not
    /// matter): a unique key of one text column straight from the column, an expression over column vectors where its
    /// columns allow (<see cref="ObserveExpression"/>), the others row by row with their columns' cells read as
    /// <see cref="Observe"/> reads them.
    /// </summary>
    private void ObserveRows(ParquetTableReader reader, int rows, ScanPosition position, long first)
    {
        for (var r = 0; r < rowChecks.Length; r++)
        {
            var check = rowChecks[r];
            if (check is UniqueCheck { TextKeyColumn: var key and >= 0 } unique && steps[key].Index >= 0 && reader.Column(steps[key].Index).IsText)
            {
                unique.ObserveKeys(reader.Column(steps[key].Index), rows, first);
                continue;
            }
            var columns = rowCheckColumns[r];
            if (check is ExpressionCheck expression && VectorReads(reader, columns))
            {
                ObserveExpression(expression, reader, rows, position, first, columns);
                continue;
            }
            for (var i = 0; i < rows; i++)
            {
                position.Row = first + i + 1;
                LoadRow(reader, columns, i);
                check.ObserveRow(Row);
            }
        }
    }

    /// <summary>Moves to row <paramref name="i"/> of the group and copies the cells of <paramref name="columns"/> into <see cref="Row"/>.</summary>
    private void LoadRow(ParquetTableReader reader, int[] columns, int i)
    {
        reader.MoveTo(i);
        foreach (var c in columns)
        {
            var step = steps[c];
            if (step.Index < 0) { Row.States[c] = CellState.Null; continue; }
            Row.States[c] = ParquetTableReader.ReadAt(reader.Column(step.Index), i, step.Type, out var number, out _);
            Row.Numbers[c] = number;
        }
    }
}
