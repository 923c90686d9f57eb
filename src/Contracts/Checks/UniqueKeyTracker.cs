using System.Runtime.CompilerServices;
using TrainingOrchestration.Contracts.Validation;

namespace TrainingOrchestration.Contracts.Checks;

/// <summary>
/// Exact duplicate detection in bounded memory, radix-partitioned. During the pass each key is only appended to one of
/// <see cref="Partitions"/> in-memory batches chosen by the top bits of its hash (sequential writes, cheap); when the
/// batches hold more than the limit they are appended to one temp file per partition and cleared. At the end each
/// partition (about 1/64th of the keys: file part first, then memory, so arrival order holds) is checked with a small
/// cache-resident hash table (<see cref="KeyArena"/>), and re-split by further hash bits if still too big.
/// Why this and not a sort or a hash set: it is exact (no false positives, unlike a set of 64-bit hashes); a table
/// under the limit never touches the disk; above it, the keys are written once and read once instead of a multi-pass
/// external merge sort; and probing 64 small tables misses the CPU cache far less than one big table would.
/// Row numbers of each key's first occurrence are kept for the examples.
/// </summary>
internal sealed class UniqueKeyTracker(int memoryLimit, string tempDirectory, Func<int, string?> fileName) : IDisposable
{
    private const int Partitions = 64;
    private const long RowMask = (1L << 40) - 1;
    private readonly KeyBatch[] batches = Enumerable.Range(0, Partitions).Select(_ => new KeyBatch(memoryLimit / Partitions)).ToArray();
    private int buffered;
    private SpillFile[]? files;

    private readonly List<(UniqueKeyTracker Tracker, long Offset)> followers = [];
    private bool completed;

    /// <summary>A tracker that saw a later chunk of the same file (rows shifted by <paramref name="rowOffset"/>); checked with this one.</summary>
    public void Follow(UniqueKeyTracker chunk, long rowOffset) => followers.Add((chunk, rowOffset));

    public void Add(ReadOnlySpan<char> key, int fileIndex, long row)
    {
        var hash = KeyHash.Of(key);
        batches[PartitionOf(hash, 0)].Add(key, hash, ((long)fileIndex << 40) | row);
        if (++buffered > memoryLimit) Spill();
    }

    /// <summary>
    /// Checks every partition (over this tracker and the chunks that follow it, in chunk order, so first occurrences
    /// stay the earliest rows) and reports each repeated key at the row where it repeats. Partitions share no key, so
    /// they are checked in parallel: one worker per core takes the next partition until none is left, each with one table
    /// sized for the largest partition (no table or buffer per partition or per thread-pool replica), failures merged at
    /// the end.
    /// </summary>
    public void Complete(FailureSamples failures)
    {
        if (completed) return;
        completed = true;
        List<(UniqueKeyTracker Tracker, long Offset)> sources = [(this, 0L), .. followers];
        var inMemory = Enumerable.Range(0, Partitions)
            .Select(p => (Keys: sources.Sum(s => s.Tracker.KeysIn(p)), Chars: sources.Sum(s => s.Tracker.CharsIn(p))))
            .Where(p => p.Keys <= (long)memoryLimit * sources.Count)
            .ToList();
        var keys = inMemory.Count == 0 ? 0 : inMemory.Max(p => p.Keys);
        var chars = inMemory.Count == 0 ? 0 : inMemory.Max(p => p.Chars);
        var workers = Enumerable.Range(0, Math.Max(1, Environment.ProcessorCount)).Select(_ => new Worker(failures.Empty())).ToArray();
        var next = -1;
        void Drain(Worker worker)
        {
            int p;
            while ((p = Interlocked.Increment(ref next)) < Partitions)
            {
                worker.Arena ??= new KeyArena((int)keys, chars);
                CheckPartition(p, sources, worker);
            }
        }
        var others = workers.Skip(1).Select(worker => Task.Run(() => Drain(worker))).ToArray();
        try
        {
            Drain(workers[0]);
        }
        finally
        {
            // No worker may still read the batches or files when this returns (they are released or disposed next).
            Task.WaitAll(others);
        }
        foreach (var worker in workers) failures.AbsorbUnordered(worker.Failures.Export());
        failures.Trim();
    }

    private long KeysIn(int partition) => (files?[partition].Count ?? 0) + batches[partition].Count;

    private long CharsIn(int partition) => (files?[partition].Chars ?? 0) + batches[partition].Chars;

    private sealed class Worker(FailureSamples failures)
    {
        public FailureSamples Failures => failures;
        public KeyArena? Arena { get; set; }
        public KeyBatch Buffer { get; } = new();
    }

    private void CheckPartition(int p, List<(UniqueKeyTracker Tracker, long Offset)> sources, Worker worker)
    {
        var limit = (long)memoryLimit * sources.Count;
        var total = sources.Sum(s => s.Tracker.KeysIn(p));
        if (total > limit)
        {
            Directory.CreateDirectory(tempDirectory);
            var combined = new SpillFile(tempDirectory);
            var pending = new KeyBatch();
            foreach (var source in sources)
            {
                Entries(source, p, worker.Buffer, (key, hash, value) =>
                {
                    pending.Add(key, hash, value);
                    if (pending.Count < 16_384) return;
                    Append(combined, pending);
                    pending.Clear();
                });
            }
            Append(combined, pending);
            Split(combined, worker, 1);
        }
        else
        {
            var arena = worker.Arena ??= new KeyArena((int)total);
            arena.Reset((int)total, sources.Sum(s => s.Tracker.CharsIn(p)));
            foreach (var (tracker, offset) in sources)
            {
                if (tracker.files?[p] is { } file) CheckFile(arena, file, worker.Buffer, offset, worker.Failures);
                CheckBatch(arena, tracker.batches[p], offset, worker.Failures);
            }
        }
        foreach (var (tracker, _) in sources)
        {
            tracker.batches[p].Release();
            tracker.files?[p].Dispose();
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void Entries((UniqueKeyTracker Tracker, long Offset) source, int partition, KeyBatch buffer, EntryAction action)
    {
        var (tracker, offset) = source;
        var file = tracker.files?[partition];
        if (file is not null) ReadAll(file, buffer, (key, hash, value) => action(key, hash, value + offset));
        var batch = tracker.batches[partition];
        for (var i = 0; i < batch.Count; i++) action(batch.Key(i), batch.Hash(i), batch.Value(i) + offset);
    }

    /// <summary>Checks a batch's keys in order (rows shifted by <paramref name="offset"/>): a plain loop, no call per key through a delegate.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void CheckBatch(KeyArena arena, KeyBatch batch, long offset, FailureSamples failures)
    {
        for (var i = 0; i < batch.Count; i++) Check(arena, batch.Key(i), batch.Hash(i), batch.Value(i) + offset, failures);
    }

    /// <summary>Checks a spilled file's keys in the order written, block by block through <paramref name="buffer"/>.</summary>
    private void CheckFile(KeyArena arena, SpillFile file, KeyBatch buffer, long offset, FailureSamples failures)
    {
        Rewind(file);
        while (buffer.ReadFrom(file.Stream)) CheckBatch(arena, buffer, offset, failures);
        buffer.Clear();
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void Check(KeyArena arena, ReadOnlySpan<char> key, int hash, long position, FailureSamples failures)
    {
        if (arena.TryAdd(key, hash, position, out var first)) return;
        var file = fileName((int)(position >> 40));
        var firstFile = fileName((int)(first >> 40));
        failures.AddUnordered(new FailingRow(file, position & RowMask, $"{key} (first at {(firstFile is null ? "" : firstFile + " ")}row {first & RowMask})"));
    }

    /// <summary>A partition too big for memory: re-partition it by the next hash bits into new files and check those.</summary>
    private void Split(SpillFile file, Worker worker, int depth)
    {
        var failures = worker.Failures;
        if (depth >= 4)
        {
            // Pathological skew (e.g. one key repeated millions of times): check it in memory regardless.
            var arena = new KeyArena(memoryLimit);
            CheckFile(arena, file, worker.Buffer, 0, failures);
            file.Dispose();
            return;
        }
        // As many children as needed for each to fit in memory twice over, so a small overflow does not cost 64 files.
        var count = (int)Math.Min(Partitions, System.Numerics.BitOperations.RoundUpToPowerOf2((uint)Math.Max(2, 2 * file.Count / Math.Max(1, memoryLimit))));
        var children = Enumerable.Range(0, count).Select(_ => new SpillFile(tempDirectory)).ToArray();
        var pending = Enumerable.Range(0, count).Select(_ => new KeyBatch()).ToArray();
        ReadAll(file, worker.Buffer, (key, hash, value) =>
        {
            var child = PartitionOf(hash, depth) & (count - 1);
            pending[child].Add(key, hash, value);
            if (pending[child].Count < 16_384) return;
            Append(children[child], pending[child]);
            pending[child].Clear();
        });
        for (var c = 0; c < count; c++) Append(children[c], pending[c]);
        file.Dispose();
        foreach (var child in children)
        {
            if (child.Count > memoryLimit) { Split(child, worker, depth + 1); continue; }
            var arena = worker.Arena ??= new KeyArena((int)child.Count);
            arena.Reset((int)child.Count);
            CheckFile(arena, child, worker.Buffer, 0, failures);
            child.Dispose();
        }
    }

    /// <summary>Top hash bits pick the partition at depth 0, the next ones at deeper splits; the arena uses the low bits.</summary>
    private static int PartitionOf(int hash, int depth) => (hash >> (25 - 6 * depth)) & (Partitions - 1);

    private void Spill()
    {
        Directory.CreateDirectory(tempDirectory);
        files ??= Enumerable.Range(0, Partitions).Select(_ => new SpillFile(tempDirectory)).ToArray();
        for (var p = 0; p < Partitions; p++)
        {
            Append(files[p], batches[p]);
            batches[p].Clear();
        }
        buffered = 0;
    }

    private static void Append(SpillFile file, KeyBatch batch)
    {
        batch.WriteTo(file.Stream);
        file.Count += batch.Count;
        file.Chars += batch.Chars;
    }

    private delegate void EntryAction(ReadOnlySpan<char> key, int hash, long value);

    /// <summary>Every entry of the file in the order written, block by block through one reused batch.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void ReadAll(SpillFile file, KeyBatch readBuffer, EntryAction action)
    {
        var stream = Rewind(file);
        while (readBuffer.ReadFrom(stream))
        {
            for (var i = 0; i < readBuffer.Count; i++) action(readBuffer.Key(i), readBuffer.Hash(i), readBuffer.Value(i));
        }
        readBuffer.Clear();
    }

    private static FileStream Rewind(SpillFile file)
    {
        var stream = file.Stream;
        stream.Flush();
        stream.Position = 0;
        return stream;
    }

    public void Dispose()
    {
        if (files is null) return;
        foreach (var file in files) file.Dispose();
    }

    private sealed class SpillFile(string directory)
    {
        private FileStream? stream;

        public FileStream Stream => stream ??= new FileStream(Path.Combine(directory, $"unique-{Guid.NewGuid():N}.bin"),
            FileMode.Create, FileAccess.ReadWrite, FileShare.None, 1 << 16, FileOptions.DeleteOnClose);

        public long Count { get; set; }

        public long Chars { get; set; }

        public void Dispose() => stream?.Dispose();
    }
}
