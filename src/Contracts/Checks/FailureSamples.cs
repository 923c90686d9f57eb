using TrainingOrchestration.Contracts.Validation;

namespace TrainingOrchestration.Contracts.Checks;

/// <summary>Counts a rule's failing rows and keeps the first few as examples, without keeping the rest.</summary>
internal sealed class FailureSamples(ScanPosition position, int limit)
{
    private readonly List<FailingRow> examples = [];

    public long Count { get; private set; }
    public IReadOnlyList<FailingRow> Examples => examples;

    public void Add(ReadOnlySpan<char> value)
    {
        Count++;
        if (examples.Count < limit) examples.Add(new FailingRow(position.File, position.Row, value.ToString()));
    }

    public void Add(string? file, long row, string value)
    {
        Count++;
        if (examples.Count < limit) examples.Add(new FailingRow(file, row, value));
    }

    /// <summary>Used when failures are found out of row order (spilled uniqueness partitions): keeps the earliest.</summary>
    public void AddUnordered(FailingRow row)
    {
        Count++;
        examples.Add(row);
        if (examples.Count > limit * 4) Trim();
    }

    public void Trim()
    {
        var kept = examples.OrderBy(e => e.File, StringComparer.Ordinal).ThenBy(e => e.Row).Take(limit).ToList();
        examples.Clear();
        examples.AddRange(kept);
    }
}
