using System.Text.Json.Nodes;

namespace TrainingOrchestration.Asl.Runtime;

/// <summary>
/// An execution's event log, numbered from 1 as GetExecutionHistory shows it. Map iterations append
/// concurrently, so ids come from an interlocked counter and events land in fixed-size chunks without a
/// shared lock (a lock here was the main point of contention in wide Maps).
/// </summary>
internal sealed class ExecutionHistory(ClockDriver clock)
{
    /// <summary>
    /// Step Functions' quota: 25,000 events per execution history
    /// (https://docs.aws.amazon.com/step-functions/latest/dg/service-quotas.html). Event 25,000 is the ExecutionFailed
    /// event (States.Runtime, <see cref="LimitCause"/>), so 24,999 is the last event the states produce, as AWS records it
    /// (GetExecutionHistory of a cut execution, floci-io/floci#2734).
    /// </summary>
    public const long MaxEvents = 25_000;

    /// <summary>The cause AWS gives when an execution hits <see cref="MaxEvents"/>.</summary>
    public const string LimitCause = "The execution reached the maximum number of history events (25000).";

    /// <summary>Called once, by the thread whose event would have been number <see cref="MaxEvents"/>: the engine fails the execution.</summary>
    public Action? LimitReached { get; set; }

    private int _limitReached;

    // Small chunks: a blocked execution has a handful of events, and each slot is 40 bytes.
    private const int ChunkBits = 4;
    private const int ChunkSize = 1 << ChunkBits;
    private readonly object _grow = new();
    private Slot[][] _chunks = [new Slot[ChunkSize]];
    private long _count;

    /// <summary>
    /// One event as recorded, stored inline in its chunk (no object per event; a <see cref="HistoryEvent"/> is made for
    /// each read, except for restored events, which arrive built). <see cref="Type"/> is written last: a slot whose type
    /// is set is complete. 40 bytes: the previous event id (at most <see cref="MaxEvents"/>, 15 bits), the kind (3 bits)
    /// and the timestamp's offset in minutes (at most ±14 hours, 12 bits) share one int.
    /// </summary>
    private struct Slot
    {
        private int _packed;
        public long Ticks;
        public int Index;

        /// <summary>The state's name (state and Map iteration events) or the <see cref="EventDetails.TextShape"/> (shaped events).</summary>
        public object? Name;

        /// <summary>State entered/exited and Map iteration events keep their few fields here, not in a details object:
        /// <see cref="Payload"/> is the input or output text, or else the <see cref="EventDetails"/>.</summary>
        public object? Payload;
        public string? Type;

        public int PreviousEventId
        {
            readonly get => _packed & 0x7FFF;
            set => _packed = (_packed & ~0x7FFF) | value;
        }

        public SlotKind Kind
        {
            readonly get => (SlotKind)((_packed >> 15) & 0x7);
            set => _packed = (_packed & ~(0x7 << 15)) | ((int)value << 15);
        }

        private int OffsetMinutes
        {
            readonly get => _packed >> 18;
            set => _packed = (_packed & 0x3FFFF) | (value << 18);
        }

        public readonly DateTimeOffset Timestamp => new(Ticks, TimeSpan.FromMinutes(OffsetMinutes));

        public void SetTimestamp(DateTimeOffset timestamp)
        {
            Ticks = timestamp.Ticks;
            OffsetMinutes = (int)timestamp.TotalOffsetMinutes;
        }
    }

    private enum SlotKind : byte
    {
        Details,
        StateEntered,
        StateExited,
        MapIteration,

        /// <summary>A task event whose details are a shared <see cref="EventDetails.TextShape"/> (in <see cref="Slot.Name"/>) plus a text.</summary>
        Shaped,

        /// <summary>An event put back by <see cref="Restore"/>: <see cref="Slot.Payload"/> is the <see cref="HistoryEvent"/>.</summary>
        Restored,
    }

    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, string> DetailsKeys = new(StringComparer.Ordinal);

    public long Add(string type, JsonObject? details, long previousEventId) =>
        Record(type, details is null ? null : new EventDetails.Json(details), previousEventId);

    /// <exception cref="HistoryLimitExceededException">The event would take the place reserved for the execution's end.</exception>
    public long Record(string type, EventDetails? details, long previousEventId)
    {
        ref var slot = ref Take(IsExecutionEnd(type), previousEventId, out var id);
        slot.Payload = details;
        Volatile.Write(ref slot.Type, type);
        return id;
    }

    /// <summary>A <c>*StateEntered</c> (input) or <c>*StateExited</c> (output) event: the state's name and the JSON text.</summary>
    public long RecordState(string type, string name, string text, bool entered, long previousEventId)
    {
        ref var slot = ref Take(executionEnd: false, previousEventId, out var id);
        slot.Kind = entered ? SlotKind.StateEntered : SlotKind.StateExited;
        slot.Name = name;
        slot.Payload = text;
        Volatile.Write(ref slot.Type, type);
        return id;
    }

    /// <summary>An event whose details are <paramref name="shape"/> with <paramref name="text"/> (made into details when read).</summary>
    /// <param name="text">The JSON text, as a string or as UTF-8 bytes.</param>
    public long RecordShaped(string type, EventDetails.TextShape shape, object text, long previousEventId, bool executionEnd = false)
    {
        ref var slot = ref Take(executionEnd, previousEventId, out var id);
        slot.Kind = SlotKind.Shaped;
        slot.Name = shape;
        slot.Payload = text;
        Volatile.Write(ref slot.Type, type);
        return id;
    }

    /// <summary>A <c>MapIteration*</c> event: the Map state's name and the iteration's index.</summary>
    public long RecordMapIteration(string type, string name, int index, long previousEventId)
    {
        ref var slot = ref Take(executionEnd: false, previousEventId, out var id);
        slot.Kind = SlotKind.MapIteration;
        slot.Name = name;
        slot.Index = index;
        Volatile.Write(ref slot.Type, type);
        return id;
    }

    private ref Slot Take(bool executionEnd, long previousEventId, out long id)
    {
        var timestamp = clock.Now;
        id = executionEnd ? Interlocked.Increment(ref _count) : NextStateEventId();
        ref var slot = ref At(id - 1);
        slot.PreviousEventId = (int)previousEventId;
        slot.SetTimestamp(timestamp);
        return ref slot;
    }

    public long LastId => Interlocked.Read(ref _count);

    private static bool IsExecutionEnd(string type) =>
        type is "ExecutionSucceeded" or "ExecutionFailed" or "ExecutionAborted" or "ExecutionTimedOut";

    /// <summary>The next id below <see cref="MaxEvents"/>; at the limit the execution is failed and this event refused.</summary>
    private long NextStateEventId()
    {
        while (true)
        {
            // A plain read (64-bit reads are atomic on the 64-bit platforms .NET 10 runs on); the exchange below checks it.
            var current = Volatile.Read(ref _count);
            if (current >= MaxEvents - 1)
            {
                if (Interlocked.Exchange(ref _limitReached, 1) == 0) LimitReached?.Invoke();
                throw new HistoryLimitExceededException();
            }
            if (Interlocked.CompareExchange(ref _count, current + 1, current) == current) return current + 1;
        }
    }

    /// <summary>Puts back the events of an exported execution (ids 1..n in order) before it is redriven.</summary>
    public void Restore(IEnumerable<HistoryEvent> events)
    {
        foreach (var e in events.OrderBy(e => e.Id))
        {
            var id = Interlocked.Increment(ref _count);
            if (id != e.Id) throw new InvalidOperationException($"History event ids must run 1..n without gaps; expected {id}, got {e.Id}.");
            ref var slot = ref At(id - 1);
            slot.Kind = SlotKind.Restored;
            slot.Payload = e;
            Volatile.Write(ref slot.Type, e.Type);
        }
    }

    public IReadOnlyList<HistoryEvent> Snapshot()
    {
        var count = Interlocked.Read(ref _count);
        var events = new HistoryEvent[count];
        for (var i = 0L; i < count; i++)
        {
            ref var slot = ref At(i);
            string? type;
            var spin = new SpinWait();
            // An id is taken just before its event is stored; wait out that instant.
            while ((type = Volatile.Read(ref slot.Type)) is null) spin.SpinOnce();
            events[i] = slot.Kind == SlotKind.Restored ? (HistoryEvent)slot.Payload! : Build(ref slot, i + 1, type);
        }
        return events;
    }

    private static HistoryEvent Build(ref Slot slot, long id, string type)
    {
        var details = slot.Kind switch
        {
            SlotKind.StateEntered => new EventDetails.State((string)slot.Name!, (string)slot.Payload!, entered: true),
            SlotKind.StateExited => new EventDetails.State((string)slot.Name!, (string)slot.Payload!, entered: false),
            SlotKind.MapIteration => new EventDetails.MapIteration((string)slot.Name!, slot.Index),
            SlotKind.Shaped => ((EventDetails.TextShape)slot.Name!).With(slot.Payload as string ?? System.Text.Encoding.UTF8.GetString((byte[])slot.Payload!)),
            _ => (EventDetails?)slot.Payload,
        };
        var key = details is null ? null : DetailsKeys.GetOrAdd(type, DetailsKey);
        // Not kept: a history that is read once (or polled) should not keep an object per event alive.
        return new HistoryEvent(id, slot.PreviousEventId, slot.Timestamp, type, key, details, recorded: true);
    }

    private ref Slot At(long index)
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
                    var grown = new Slot[Math.Max(chunks.Length * 2, chunk + 1)][];
                    Array.Copy(chunks, grown, chunks.Length);
                    chunks = grown;
                }
                chunks[chunk] ??= new Slot[ChunkSize];
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
