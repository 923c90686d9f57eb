using System.Globalization;
using System.Text;
using TrainingOrchestration.Contracts.Expressions;
using TrainingOrchestration.Contracts.Model;
using TrainingOrchestration.Contracts.Reading;
using TrainingOrchestration.Contracts.Validation;

namespace TrainingOrchestration.Contracts.Checks;

/// <summary>
/// <c>unique</c>: no value (or combination of values) repeats; nulls are ignored, as in SQL.
/// <c>primary_key</c>: unique and never null. Numeric keys compare as numbers (so 7 and 7.0 collide).
/// </summary>
/// Parts merged by <see cref="ValidationMerge"/> keep their duplicates apart: a part's file(s) must hold every row of
/// its keys (the feature job partitions by a hash of the key), so duplicates only ever meet inside one part.
internal sealed class UniqueCheck(RuleSpec rule, int[] columns, ColumnType[] types, ScanPosition position, FailureSamples duplicates, FailureSamples nulls,
    UniqueKeyTracker tracker, int keysInMemory)
    : Check(rule), IDisposable
{
    private long keys;

    private UniqueKeyTracker Tracker => tracker;
    private FailureSamples Nulls => nulls;

    private readonly StringBuilder composite = new();
    private char[] numberBuffer = new char[32];

    public override bool ObservesRows => true;

    public override IReadOnlyList<int> RowColumns => columns;

    /// <summary>The key's column when the key is one string column (read straight from a text column by <see cref="ObserveKeys"/>), else -1.</summary>
    public int TextKeyColumn => columns.Length == 1 && types[0] == ColumnType.String ? columns[0] : -1;

    /// <summary>
    /// <see cref="ObserveRow"/> for rows [0, <paramref name="rows"/>) of a row group's decoded text column (rows
    /// <paramref name="first"/> + 1 on): a loop over the column, the scan position set only for a null key's report.
    /// </summary>
    public void ObserveKeys(ParquetColumnBuffer column, int rows, long first)
    {
        var fileIndex = position.FileIndex;
        var primary = Rule.Check == CheckKind.PrimaryKey;
        for (var i = 0; i < rows; i++)
        {
            var text = column.Text(i);
            if (text.IsEmpty)
            {
                if (!primary) continue;
                position.Row = first + i + 1;
                nulls.Add("(null)");
                continue;
            }
            tracker.Add(text, fileIndex, first + i + 1);
            keys++;
        }
    }

    /// <summary>
    /// <see cref="ObserveRow"/> for a key of one string column whose cell is <paramref name="text"/> (empty: null), at the
    /// scan position's row: a CSV batch's key read straight from the batch.
    /// </summary>
    public void ObserveKey(ReadOnlySpan<char> text)
    {
        if (text.IsEmpty) { if (Rule.Check == CheckKind.PrimaryKey) nulls.Add("(null)"); return; }
        tracker.Add(text, position.FileIndex, position.Row);
        keys++;
    }

    public override void ObserveRow(IRowValues row)
    {
        if (columns.Length == 1)
        {
            var c = columns[0];
            if (row.State(c) == CellState.Null) { if (Rule.Check == CheckKind.PrimaryKey) nulls.Add("(null)"); return; }
            tracker.Add(Key(row, c, types[0]), position.FileIndex, position.Row);
            keys++;
            return;
        }
        composite.Clear();
        for (var i = 0; i < columns.Length; i++)
        {
            if (row.State(columns[i]) == CellState.Null)
            {
                if (Rule.Check == CheckKind.PrimaryKey) nulls.Add("(null)");
                return;
            }
            if (i > 0) composite.Append('\u001F');
            composite.Append(Key(row, columns[i], types[i]));
        }
        tracker.Add(composite.ToString(), position.FileIndex, position.Row);
        keys++;
    }

    private ReadOnlySpan<char> Key(IRowValues row, int column, ColumnType type)
    {
        if (type == ColumnType.String || row.State(column) == CellState.Invalid) return row.Text(column);
        row.Number(column).TryFormat(numberBuffer, out var written, "R", CultureInfo.InvariantCulture);
        return numberBuffer.AsSpan(0, written);
    }

    public override RuleOutcome Complete(CompletionContext context)
    {
        tracker.Complete(duplicates);
        var failed = duplicates.Count + nulls.Count;
        var observed = Rule.Check == CheckKind.PrimaryKey ? $"{duplicates.Count} duplicates, {nulls.Count} nulls" : $"{duplicates.Count} duplicates";
        var examples = duplicates.Examples.Concat(nulls.Examples).Take(context.Contract.ExampleRows).ToList();
        return Outcome(failed == 0, observed, Rule.Check == CheckKind.PrimaryKey ? "unique and not null" : "unique", null,
                keys > keysInMemory ? "keys exceeded the in-memory limit and were checked in spilled partitions" : null)
            with { FailingCount = failed, Examples = examples };
    }

    /// <summary>A later chunk of the same file, scanned in parallel: its keys are checked together with these.</summary>
    public void FollowChunk(UniqueCheck chunk, long rowOffset)
    {
        tracker.Follow(chunk.Tracker, rowOffset);
        nulls.Absorb(chunk.Nulls.Export(), rowOffset);
        keys += chunk.keys;
    }

    /// <summary>The part's duplicates (found among its own keys), null keys and key count.</summary>
    public override PartialRule Export()
    {
        tracker.Complete(duplicates);
        return new PartialRule { Rule = Rule.Id, Failures = duplicates.Export(), Nulls = nulls.Export(), Keys = keys };
    }

    public override void Absorb(PartialRule part, long rowOffset)
    {
        if (part.Failures is not null) duplicates.AbsorbUnordered(part.Failures);
        if (part.Nulls is not null) nulls.Absorb(part.Nulls, rowOffset);
        keys += part.Keys ?? 0;
    }

    public void Dispose() => tracker.Dispose();
}
