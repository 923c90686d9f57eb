using TrainingOrchestration.Contracts.Model;
using TrainingOrchestration.Contracts.Reading;

namespace TrainingOrchestration.Contracts.Checks;

/// <summary>
/// Who sees what during the pass, fixed before the first row: per contract column its type, profiler, type check and
/// cell checks; then the row checks. <see cref="Observe"/> is the per-row work, kept out of the async read loop so
/// the JIT optimizes it after a few rows rather than after a few whole validations.
/// </summary>
internal sealed class ScanPlan
{
    private readonly ColumnType[] types;
    private readonly ColumnProfiler[] profilers;
    private readonly TypeCheck[] typeChecks;
    private readonly Check[][] cellChecks;
    private readonly Check[] rowChecks;

    public ScanPlan(DataContract contract, IReadOnlyList<Check> checks, IReadOnlyDictionary<string, ColumnProfiler> profilersByColumn)
    {
        var columns = contract.Columns;
        types = columns.Select(c => c.Type).ToArray();
        profilers = columns.Select(c => profilersByColumn[c.Name]).ToArray();
        // Type checks only act on invalid cells, so they are called for those alone (one virtual call less per cell).
        typeChecks = columns.Select((_, i) => checks.OfType<TypeCheck>().Single(c => c.CellColumn == i)).ToArray();
        cellChecks = columns.Select((_, i) => checks.Where(c => c.CellColumn == i && c is not TypeCheck).ToArray()).ToArray();
        rowChecks = checks.Where(c => c.ObservesRows).ToArray();
        Row = new RowValues(columns.Count);
    }

    public RowValues Row { get; }

    /// <summary>Starts a file: where each contract column is in it (-1 when missing).</summary>
    public void Begin(TableReader reader, int[] map)
    {
        Array.Copy(map, Row.FileIndex, map.Length);
        Row.Reader = reader;
    }

    public void Observe(TableReader reader)
    {
        var map = Row.FileIndex;
        var states = Row.States;
        var numbers = Row.Numbers;
        for (var c = 0; c < types.Length; c++)
        {
            var index = map[c];
            if (index < 0) { states[c] = CellState.Null; continue; }
            var state = reader.Read(index, types[c], out var number, out var text);
            states[c] = state;
            numbers[c] = number;
            profilers[c].Observe(state, number, text);
            if (state == CellState.Invalid) typeChecks[c].Observe(state, number, text);
            foreach (var check in cellChecks[c]) check.Observe(state, number, text);
        }
        foreach (var check in rowChecks) check.ObserveRow(Row);
    }
}
