using TrainingOrchestration.Contracts.Model;
using TrainingOrchestration.Contracts.Reading;

namespace TrainingOrchestration.Contracts.Checks;

/// <summary>
/// Who sees what during the pass, fixed before the first row: per contract column its type, profiler, type check and
/// cell checks; then the row checks. <see cref="Observe"/> is the per-row work, kept out of the async read loop so
/// the JIT optimizes it after a few rows rather than after a few whole validations. Each column's part of it is one
/// <see cref="Step"/> (one object load instead of six parallel arrays), and a column no cell check reads skips the loop.
/// </summary>
internal sealed partial class ScanPlan
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
        rowCheckColumns = rowChecks.Select(c => c.RowColumns.ToArray()).ToArray();
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
