using System.Text.Json.Nodes;

namespace TrainingOrchestration.Asl.Runtime;

/// <summary>
/// An execution's event log, numbered from 1 as GetExecutionHistory shows it. Map iterations append
/// concurrently, so ids come from an interlocked counter and events land in fixed-size chunks without a
/// shared lock (a lock here was the main point of contention in wide Maps).
/// </summary>
internal sealed class ExecutionHistory(ClockDriver clock)
{
    private const int ChunkBits = 6;
    private const int ChunkSize = 1 << ChunkBits;
    private readonly object _grow = new();
    private HistoryEvent?[][] _chunks = [new HistoryEvent?[ChunkSize]];
    private long _count;

    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, string> DetailsKeys = new(StringComparer.Ordinal);

    public long Add(string type, JsonObject? details, long previousEventId) =>
        Record(type, details is null ? null : new EventDetails.Json(details), previousEventId);

    public long Record(string type, EventDetails? details, long previousEventId)
    {
        var key = details is null ? null : DetailsKeys.GetOrAdd(type, DetailsKey);
        var timestamp = clock.Now;
        var id = Interlocked.Increment(ref _count);
        Slot(id - 1) = new HistoryEvent(id, previousEventId, timestamp, type, key, details, recorded: true);
        return id;
    }

    public long LastId => Interlocked.Read(ref _count);

    /// <summary>Puts back the events of an exported execution (ids 1..n in order) before it is redriven.</summary>
    public void Restore(IEnumerable<HistoryEvent> events)
    {
        foreach (var e in events.OrderBy(e => e.Id))
        {
            var id = Interlocked.Increment(ref _count);
            if (id != e.Id) throw new InvalidOperationException($"History event ids must run 1..n without gaps; expected {id}, got {e.Id}.");
            Slot(id - 1) = e;
        }
    }

    public IReadOnlyList<HistoryEvent> Snapshot()
    {
        var count = Interlocked.Read(ref _count);
        var events = new HistoryEvent[count];
        for (var i = 0L; i < count; i++)
        {
            HistoryEvent? e;
            var spin = new SpinWait();
            // An id is taken just before its event is stored; wait out that instant.
            while ((e = Volatile.Read(ref Slot(i))) is null) spin.SpinOnce();
            events[i] = e;
        }
        return events;
    }

    private ref HistoryEvent? Slot(long index)
    {
        var chunk = (int)(index >> ChunkBits);
        var chunks = Volatile.Read(ref _chunks);
        if (chunk >= chunks.Length || chunks[chunk] is null)
        {
            lock (_grow)
            {
                chunks = _chunks;
                if (chunk >= chunks.Length)
                {
                    var grown = new HistoryEvent?[Math.Max(chunks.Length * 2, chunk + 1)][];
                    Array.Copy(chunks, grown, chunks.Length);
                    chunks = grown;
                }
                chunks[chunk] ??= new HistoryEvent?[ChunkSize];
                Volatile.Write(ref _chunks, chunks);
            }
        }
        return ref chunks[chunk][index & (ChunkSize - 1)];
    }

    private static string DetailsKey(string type)
    {
        if (type.EndsWith("StateEntered", StringComparison.Ordinal)) return "stateEnteredEventDetails";
        if (type.EndsWith("StateExited", StringComparison.Ordinal)) return "stateExitedEventDetails";
        if (type.StartsWith("MapIteration", StringComparison.Ordinal)) return "mapIteration" + type["MapIteration".Length..] + "EventDetails";
        return char.ToLowerInvariant(type[0]) + type[1..] + "EventDetails";
    }
}
