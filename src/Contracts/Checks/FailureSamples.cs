using TrainingOrchestration.Contracts.Validation;

namespace TrainingOrchestration.Contracts.Checks;

/// <summary>Counts a rule's failing rows and keeps the first few as examples, without keeping the rest.</summary>
internal sealed class FailureSamples(ScanPosition position, int limit)
{
    /// <summary>Example values are cut to this many characters so an outcome stays far below Step Functions' 256 KB payload limit.</summary>
    public const int MaxValueLength = 200;

    private readonly List<FailingRow> examples = [];

    public long Count { get; private set; }

    /// <summary>The file and 1-based row the pass is on now.</summary>
    public (string? File, long Row) Current => (position.File, position.Row);
    public IReadOnlyList<FailingRow> Examples => examples;

    public void Add(ReadOnlySpan<char> value)
    {
        Count++;
        if (examples.Count < limit) examples.Add(new FailingRow(position.File, position.Row, Clip(value)));
    }

    public void Add(string? file, long row, string value)
    {
        Count++;
        if (examples.Count < limit) examples.Add(new FailingRow(file, row, Clip(value)));
    }

    /// <summary>Used when failures are found out of row order (spilled uniqueness partitions): keeps the earliest.</summary>
    public void AddUnordered(FailingRow row)
    {
        Count++;
        examples.Add(row with { Value = Clip(row.Value) });
        if (examples.Count > limit * 4) Trim();
    }

    /// <summary>Another part's failures, found after this part's in row order (rows shifted by <paramref name="rowOffset"/> within one file).</summary>
    public void Absorb(PartialSamples part, long rowOffset)
    {
        Count += part.Count;
        foreach (var example in part.Examples)
        {
            if (examples.Count >= limit) break;
            examples.Add(example with { Row = example.Row + rowOffset });
        }
    }

    /// <summary>Another part's failures whose examples interleave with these: the earliest by file and row are kept.</summary>
    public void AbsorbUnordered(PartialSamples part)
    {
        Count += part.Count;
        examples.AddRange(part.Examples);
        Trim();
    }

    /// <summary>An empty collection with the same limit, for failures found on another thread.</summary>
    public FailureSamples Empty() => new(position, limit);

    public PartialSamples Export() => new(Count, examples.ToList());

    public void Trim()
    {
        var kept = examples.OrderBy(e => e.File, StringComparer.Ordinal).ThenBy(e => e.Row).Take(limit).ToList();
        examples.Clear();
        examples.AddRange(kept);
    }

    private static string Clip(ReadOnlySpan<char> value) =>
        value.Length <= MaxValueLength ? value.ToString() : string.Concat(value[..MaxValueLength], "…");
}
