using System.Text;
using TrainingOrchestration.Contracts.Validation;

namespace TrainingOrchestration.Contracts.Checks;

/// <summary>
/// Exact duplicate detection in bounded memory. Keys live in a <see cref="KeyArena"/> (key → first row) up to a limit; past it,
/// the map and every later key are spilled to <see cref="Partitions"/> temp files by hash, and at the end each
/// partition (about 1/64th of the keys, re-split if still too big) is checked with an in-memory map. Why this and
/// not a sort: it is exact (no hash-collision false positives, unlike a set of 64-bit hashes), it costs one
/// sequential write and one read of the keys instead of a multi-pass merge sort, and a table whose keys fit the
/// limit (the common case) never touches the disk. Row numbers of the first occurrence are kept for the examples.
/// </summary>
internal sealed class UniqueKeyTracker(int memoryLimit, string tempDirectory, Func<int, string?> fileName) : IDisposable
{
    private const int Partitions = 64;
    private KeyArena? seen = new();
    private Partition[]? partitions;
    private byte[] scratch = new byte[256];

    public bool Spilled => partitions is not null;

    public void Add(ReadOnlySpan<char> key, int fileIndex, long row, FailureSamples failures)
    {
        var position = Pack(fileIndex, row);
        if (partitions is not null)
        {
            Write(partitions, key, position, 0);
            return;
        }
        if (!seen!.TryAdd(key, position, out var first))
        {
            failures.Add(fileName(fileIndex), row, Describe(key.ToString(), first));
            return;
        }
        if (seen.Count > memoryLimit) Spill();
    }

    /// <summary>Finds the duplicates in the spilled partitions (nothing to do if the keys never spilled).</summary>
    public void Complete(FailureSamples failures)
    {
        if (partitions is null) return;
        foreach (var partition in partitions) Process(partition, failures, 1);
        failures.Trim();
    }

    private void Spill()
    {
        Directory.CreateDirectory(tempDirectory);
        partitions = CreatePartitions();
        for (var entry = 0; entry < seen!.Count; entry++) Write(partitions, seen.Key(entry), seen.Value(entry), 0);
        seen = null;
    }

    private Partition[] CreatePartitions() =>
        Enumerable.Range(0, Partitions).Select(_ => new Partition(Path.Combine(tempDirectory, $"unique-{Guid.NewGuid():N}.bin"))).ToArray();

    private void Write(Partition[] target, ReadOnlySpan<char> key, long position, int depth)
    {
        var hash = (uint)HashCode.Combine(string.GetHashCode(key), depth);
        var partition = target[hash % Partitions];
        var max = Encoding.UTF8.GetMaxByteCount(key.Length);
        if (scratch.Length < max) scratch = new byte[max];
        var length = Encoding.UTF8.GetBytes(key, scratch);
        partition.Writer.Write(length);
        partition.Writer.Write(scratch, 0, length);
        partition.Writer.Write(position);
        partition.Count++;
    }

    private void Process(Partition partition, FailureSamples failures, int depth)
    {
        partition.Writer.Flush();
        partition.Writer.BaseStream.Position = 0;
        using var reader = new BinaryReader(partition.Writer.BaseStream, Encoding.UTF8, leaveOpen: true);
        if (partition.Count > memoryLimit && depth < 4)
        {
            var children = CreatePartitions();
            for (long i = 0; i < partition.Count; i++)
            {
                var length = ReadEntry(reader, out var position);
                Write(children, keyBuffer.AsSpan(0, length), position, depth);
            }
            partition.Dispose();
            foreach (var child in children) Process(child, failures, depth + 1);
            return;
        }
        var map = new KeyArena();
        for (long i = 0; i < partition.Count; i++)
        {
            var length = ReadEntry(reader, out var position);
            var key = keyBuffer.AsSpan(0, length);
            if (!map.TryAdd(key, position, out var first))
            {
                failures.AddUnordered(new FailingRow(fileName((int)(position >> 40)), position & RowMask, Describe(key.ToString(), first)));
            }
        }
        partition.Dispose();
    }

    private char[] keyBuffer = new char[256];

    /// <summary>Reads one spilled entry, decoding its key into <see cref="keyBuffer"/>; returns the key's length.</summary>
    private int ReadEntry(BinaryReader reader, out long position)
    {
        var length = reader.ReadInt32();
        if (scratch.Length < length) scratch = new byte[length];
        reader.BaseStream.ReadExactly(scratch, 0, length);
        if (keyBuffer.Length < length) keyBuffer = new char[length];
        var chars = Encoding.UTF8.GetChars(scratch, 0, length, keyBuffer, 0);
        position = reader.ReadInt64();
        return chars;
    }

    private const long RowMask = (1L << 40) - 1;

    private static long Pack(int fileIndex, long row) => ((long)fileIndex << 40) | row;

    private string Describe(string key, long first)
    {
        var file = fileName((int)(first >> 40));
        return $"{key} (first at {(file is null ? "" : file + " ")}row {first & RowMask})";
    }

    public void Dispose()
    {
        if (partitions is null) return;
        foreach (var partition in partitions) partition.Dispose();
    }

    private sealed class Partition(string path)
    {
        public BinaryWriter Writer { get; } = new(new FileStream(path, FileMode.Create, FileAccess.ReadWrite, FileShare.None, 1 << 16, FileOptions.DeleteOnClose));
        public long Count { get; set; }
        public void Dispose() => Writer.Dispose();
    }
}
