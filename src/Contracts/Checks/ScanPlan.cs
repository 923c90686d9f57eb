using TrainingOrchestration.Contracts.Model;
using TrainingOrchestration.Contracts.Reading;

namespace TrainingOrchestration.Contracts.Checks;

/// <summary>
/// Who sees what during the pass, fixed before the first row: per contract column its type, profiler, type check and
/// cell checks; then the row checks. <see cref="Observe"/> is the per-row work, kept out of the async read loop so
/// the JIT optimizes it after a few rows rather than after a few whole validations. Each column's part of it is one
/// <see cref="Step"/> (one object load instead of six parallel arrays), and a column no cell check reads skips the loop.
/// </summary>
internal sealed class ScanPlan
{
    private readonly Step[] steps;
    private readonly Check[] rowChecks;

    public ScanPlan(DataContract contract, IReadOnlyList<Check> checks, IReadOnlyDictionary<string, ColumnProfiler> profilersByColumn)
    {
        var columns = contract.Columns;
        // Type checks only act on invalid cells, so they are called for those alone (one virtual call less per cell).
        steps = columns.Select((column, i) => new Step(column.Type, profilersByColumn[column.Name],
            checks.OfType<TypeCheck>().Single(c => c.CellColumn == i),
            checks.Where(c => c.CellColumn == i && c is not TypeCheck).ToArray())).ToArray();
        rowChecks = checks.Where(c => c.ObservesRows).ToArray();
        Row = new RowValues(columns.Count);
    }

    public RowValues Row { get; }

    /// <summary>Starts a file: where each contract column is in it (-1 when missing).</summary>
    public void Begin(TableReader reader, int[] map)
    {
        Array.Copy(map, Row.FileIndex, map.Length);
        for (var c = 0; c < steps.Length; c++) steps[c].Index = map[c];
        Row.Reader = reader;
    }

    public void Observe(TableReader reader)
    {
        var states = Row.States;
        var numbers = Row.Numbers;
        var plan = steps;
        for (var c = 0; c < plan.Length; c++)
        {
            var step = plan[c];
            if (step.Index < 0) { states[c] = CellState.Null; continue; }
            var state = reader.Read(step.Index, step.Type, out var number, out var text);
            states[c] = state;
            numbers[c] = number;
            step.Profiler.Observe(state, number, text);
            if (state == CellState.Invalid) step.TypeCheck.Observe(state, number, text);
            if (step.Checks.Length == 0) continue;
            foreach (var check in step.Checks) check.Observe(state, number, text);
        }
        foreach (var check in rowChecks) check.ObserveRow(Row);
    }

    /// <summary>
    /// A Parquet row group, a column at a time: each column's cells go through its profiler and checks in row order,
    /// then the row checks see the rows. Every check observes the same values in the same order, with the same row in
    /// <paramref name="position"/>, as <see cref="Observe"/> row by row, so the outcome is identical; the column loops
    /// read the decoded arrays directly, without a virtual call and type dispatch per cell.
    /// </summary>
    public void ObserveRowGroup(ParquetTableReader reader, int rows, ScanPosition position)
    {
        var first = position.Row;
        if (stride < rows)
        {
            var size = ParquetColumnBuffer.Grown(rows);
            columnStates = new CellState[steps.Length * size];
            columnNumbers = rowChecks.Length == 0 ? [] : new double[steps.Length * size];
            stride = size;
        }
        for (var c = 0; c < steps.Length; c++)
        {
            var step = steps[c];
            if (step.Index < 0) continue;
            var states = columnStates.AsSpan(c * stride, rows);
            var numbers = rowChecks.Length == 0 ? default : columnNumbers.AsSpan(c * stride, rows);
            var buffer = reader.Column(step.Index);
            var checks = step.Checks;
            for (var i = 0; i < rows; i++)
            {
                position.Row = first + i + 1;
                var state = ParquetTableReader.ReadAt(buffer, i, step.Type, out var number, out var text);
                states[i] = state;
                if (!numbers.IsEmpty) numbers[i] = number;
                step.Profiler.Observe(state, number, text);
                if (state == CellState.Invalid) step.TypeCheck.Observe(state, number, text);
                foreach (var check in checks) check.Observe(state, number, text);
            }
        }
        if (rowChecks.Length > 0) ObserveRows(reader, rows, position, first);
        position.Row = first + rows;
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
            for (var c = 0; c < steps.Length; c++)
            {
                if (steps[c].Index < 0) continue;
                rowStates[c] = columnStates[c * stride + i];
                rowNumbers[c] = columnNumbers[c * stride + i];
            }
            foreach (var check in rowChecks) check.ObserveRow(Row);
        }
    }

    private CellState[] columnStates = [];
    private double[] columnNumbers = [];
    private int stride;

    private sealed class Step(ColumnType type, ColumnProfiler profiler, TypeCheck typeCheck, Check[] checks)
    {
        public readonly ColumnType Type = type;
        public readonly ColumnProfiler Profiler = profiler;
        public readonly TypeCheck TypeCheck = typeCheck;
        public readonly Check[] Checks = checks;
        /// <summary>The column's field index in the current file, -1 when missing.</summary>
        public int Index = -1;
    }
}
