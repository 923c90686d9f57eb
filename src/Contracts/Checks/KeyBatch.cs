using System.Runtime.InteropServices;

namespace TrainingOrchestration.Contracts.Checks;

/// <summary>
/// An append-only run of keys (characters back to back) with each key's hash and value, in arrival order. Spills to
/// and loads from a stream as whole arrays, so moving keys to disk and back costs about a memory copy.
/// </summary>
internal sealed class KeyBatch
{
    private char[] chars = new char[1 << 12];
    private int used;
    private int[] offsets = new int[256];
    private int[] lengths = new int[256];
    private int[] hashes = new int[256];
    private long[] values = new long[256];

    public int Count { get; private set; }

    public void Add(ReadOnlySpan<char> key, int hash, long value)
    {
        if (Count == offsets.Length) GrowEntries(Count * 2);
        if (used + key.Length > chars.Length) Array.Resize(ref chars, Math.Max(chars.Length * 2, used + key.Length));
        key.CopyTo(chars.AsSpan(used));
        offsets[Count] = used;
        lengths[Count] = key.Length;
        hashes[Count] = hash;
        values[Count] = value;
        used += key.Length;
        Count++;
    }

    public ReadOnlySpan<char> Key(int entry) => chars.AsSpan(offsets[entry], lengths[entry]);
    public int Hash(int entry) => hashes[entry];
    public long Value(int entry) => values[entry];

    public void Clear()
    {
        Count = 0;
        used = 0;
    }

    /// <summary>Appends the batch as one block: counts, then the length, hash and value arrays, then the characters.</summary>
    public void WriteTo(Stream stream)
    {
        if (Count == 0) return;
        Span<int> header = [Count, used];
        stream.Write(MemoryMarshal.AsBytes(header));
        stream.Write(MemoryMarshal.AsBytes(lengths.AsSpan(0, Count)));
        stream.Write(MemoryMarshal.AsBytes(hashes.AsSpan(0, Count)));
        stream.Write(MemoryMarshal.AsBytes(values.AsSpan(0, Count)));
        stream.Write(MemoryMarshal.AsBytes(chars.AsSpan(0, used)));
    }

    /// <summary>Replaces the batch's contents with the next block of <paramref name="stream"/>; false at its end.</summary>
    public bool ReadFrom(Stream stream)
    {
        Clear();
        Span<int> header = stackalloc int[2];
        if (stream.ReadAtLeast(MemoryMarshal.AsBytes(header), 8, throwOnEndOfStream: false) < 8) return false;
        var count = header[0];
        var charCount = header[1];
        if (count > offsets.Length) GrowEntries(count);
        if (charCount > chars.Length) chars = new char[charCount];
        stream.ReadExactly(MemoryMarshal.AsBytes(lengths.AsSpan(0, count)));
        stream.ReadExactly(MemoryMarshal.AsBytes(hashes.AsSpan(0, count)));
        stream.ReadExactly(MemoryMarshal.AsBytes(values.AsSpan(0, count)));
        stream.ReadExactly(MemoryMarshal.AsBytes(chars.AsSpan(0, charCount)));
        var offset = 0;
        for (var i = 0; i < count; i++)
        {
            offsets[i] = offset;
            offset += lengths[i];
        }
        Count = count;
        used = charCount;
        return true;
    }

    private void GrowEntries(int size)
    {
        Array.Resize(ref offsets, size);
        Array.Resize(ref lengths, size);
        Array.Resize(ref hashes, size);
        Array.Resize(ref values, size);
    }
}
