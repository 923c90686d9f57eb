using System.Buffers;
using System.Runtime.InteropServices;

namespace TrainingOrchestration.Contracts.Checks;

/// <summary>
/// An append-only run of keys (characters back to back) with each key's hash and value, in arrival order. Spills to and
/// loads from a stream as one block (<see cref="KeyBlock"/>: characters as bytes when they fit, lengths as bytes when
/// short, values as varint deltas), so moving keys to disk and back costs little more than a memory copy of half the bytes.
/// </summary>
/// <param name="expected">
/// Keys the batch is expected to hold at most (its share of the tracker's limit). The arrays start small (a small table
/// costs little) and double; past <see cref="JumpAt"/> keys they grow straight to the expected size (an eighth to spare,
/// 12 characters a key), instead of doubling up to it, which would leave about as much again as garbage.
/// </param>
internal sealed class KeyBatch(int expected = 256)
{
    private const int FirstSize = 256;
    private const int JumpAt = 1024;
    private const int CharsPerKey = 12;
    private readonly int expectedSize = Math.Clamp(expected + expected / 8, FirstSize, 1 << 16);
    private char[] chars = [];
    private int used;
    private int[] offsets = [];
    private int[] lengths = [];
    private int[] hashes = [];
    private long[] values = [];

    public int Count { get; private set; }

    /// <summary>Characters of all keys together.</summary>
    public int Chars => used;

    public void Add(ReadOnlySpan<char> key, int hash, long value)
    {
        if (Count == offsets.Length) GrowEntries(Grown(Count));
        if (used + key.Length > chars.Length) Array.Resize(ref chars, Math.Max(Grown(chars.Length / CharsPerKey) * CharsPerKey, used + key.Length));
        key.CopyTo(chars.AsSpan(used));
        offsets[Count] = used;
        lengths[Count] = key.Length;
        hashes[Count] = hash;
        values[Count] = value;
        used += key.Length;
        Count++;
    }

    /// <summary>The next size for room beyond <paramref name="size"/> keys.</summary>
    private int Grown(int size) => size < FirstSize ? FirstSize : size < JumpAt || size >= expectedSize ? size * 2 : expectedSize;

    public ReadOnlySpan<char> Key(int entry) => chars.AsSpan(offsets[entry], lengths[entry]);
    public int Hash(int entry) => hashes[entry];
    public long Value(int entry) => values[entry];

    public void Clear()
    {
        Count = 0;
        used = 0;
    }

    /// <summary>Empties the batch and lets its arrays go (they are made again on the next key).</summary>
    public void Release()
    {
        Clear();
        chars = [];
        offsets = lengths = hashes = [];
        values = [];
    }

    /// <summary>Appends the batch as one block.</summary>
    public void WriteTo(Stream stream)
    {
        if (Count == 0) return;
        var block = ArrayPool<byte>.Shared.Rent(KeyBlock.MaxBytes(Count, used));
        try
        {
            var written = KeyBlock.Encode(block, chars.AsSpan(0, used), lengths.AsSpan(0, Count), hashes.AsSpan(0, Count), values.AsSpan(0, Count));
            stream.Write(block, 0, written);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(block);
        }
    }

    /// <summary>Replaces the batch's contents with the next block of <paramref name="stream"/>; false at its end.</summary>
    public bool ReadFrom(Stream stream)
    {
        Clear();
        Span<byte> header = stackalloc byte[KeyBlock.HeaderBytes];
        if (stream.ReadAtLeast(header, header.Length, throwOnEndOfStream: false) < header.Length) return false;
        var (count, charCount, bodyBytes) = KeyBlock.ReadHeader(header);
        if (count > offsets.Length) GrowEntries(count);
        if (charCount > chars.Length) chars = new char[charCount];
        var body = ArrayPool<byte>.Shared.Rent(bodyBytes);
        try
        {
            stream.ReadExactly(body, 0, bodyBytes);
            KeyBlock.Decode(header, body.AsSpan(0, bodyBytes), chars.AsSpan(0, charCount), lengths.AsSpan(0, count), hashes.AsSpan(0, count), values.AsSpan(0, count));
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(body);
        }
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
