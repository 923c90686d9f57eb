using TrainingOrchestration.Contracts.Model;
using TrainingOrchestration.Contracts.Reading;

namespace TrainingOrchestration.Contracts.Checks;

/// <summary>
/// A dictionary-encoded integer column (0/1 flags, small codes) observed per distinct value: its rows are counted per
/// dictionary entry, and when every entry that occurs is a valid value (or a null) that each cell check passes without
/// effect, no check needs to see a cell and the profiler takes the values with their counts, which gives it the same
/// state as the cells one by one (<see cref="ColumnProfiler.ObserveCounted"/>). Otherwise the column is observed cell
/// by cell, in row order, as before.
/// </summary>
internal sealed partial class ScanPlan
{
    private int[] entryCounts = [];

    private bool TryObserveDictionaryIntegers(Step step, ParquetColumnBuffer buffer, int rows)
    {
        if (!buffer.IsDictionary || !buffer.IsIntegral || buffer.IsTemporal || !step.Profiler.CountsNumbersOnly || rows >= 1 << 20) return false;
        var entries = buffer.EntryCount;
        if (entryCounts.Length <= entries) entryCounts = new int[Math.Max(entries + 1, 256)];
        var counts = entryCounts.AsSpan(0, entries + 1);
        counts.Clear();
        foreach (var entry in buffer.Refs.AsSpan(0, rows)) counts[entry]++;
        var values = buffer.EntryNumbers;
        for (var e = 0; e <= entries; e++)
        {
            if (counts[e] == 0) continue;
            var state = e == entries ? CellState.Null : StateOf(step.Type, values[e], temporal: false);
            if (state == CellState.Invalid) return false;
            foreach (var check in step.Checks)
            {
                if (!check.PassesWithoutEffect(state, values[e], default)) return false;
            }
        }
        step.Profiler.ObserveCounted(values.AsSpan(0, entries), counts[..entries], counts[entries]);
        return true;
    }

    /// <summary>A non-null Parquet number's state for the column's type, as <see cref="ParquetTableReader.ReadAt"/> decides it.</summary>
    private static CellState StateOf(ColumnType type, double number, bool temporal) => type switch
    {
        ColumnType.String => CellState.Value,
        ColumnType.Integer => number == Math.Floor(number) ? CellState.Value : CellState.Invalid,
        ColumnType.Boolean => number is 0 or 1 ? CellState.Value : CellState.Invalid,
        ColumnType.Timestamp or ColumnType.Date => temporal ? CellState.Value : CellState.Invalid,
        _ => temporal ? CellState.Invalid : CellState.Value,
    };
}
