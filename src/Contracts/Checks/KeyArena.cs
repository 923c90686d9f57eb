using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace TrainingOrchestration.Contracts.Checks;

/// <summary>
/// An exact set of keys with a value per key (the first row), stored without a string per key: the characters
/// live in one growable char arena and an open-addressing table of entry indexes points into it. Millions of short
/// keys then cost a few arrays instead of millions of objects for the GC to promote and trace. Each slot holds the key's
/// hash beside its entry, so a probe past another key costs no read of that key's entry: a new key (the usual case for a
/// unique column) touches one slot's cache line and then appends.
/// </summary>
internal sealed class KeyArena
{
    private char[] chars;
    private int used;
    private long[] table;
    private int[] offsets;
    private int[] lengths;
    private int[] hashes;
    private long[] values;

    /// <param name="capacity">Keys expected; the table starts large enough for them.</param>
    /// <param name="characters">Their characters, when known (else 8 a key to start with).</param>
    public KeyArena(int capacity = 1024, long characters = 0)
    {
        var entries = Entries(capacity);
        chars = new char[CharCapacity(entries, characters)];
        table = new long[entries * 2];
        offsets = new int[entries];
        lengths = new int[entries];
        hashes = new int[entries];
        values = new long[entries];
    }

    public int Count { get; private set; }

    private static int Entries(int capacity) => (int)Math.Max(256, System.Numerics.BitOperations.RoundUpToPowerOf2((uint)Math.Max(1, capacity)));

    private static int CharCapacity(int entries, long characters) => (int)Math.Min(Array.MaxLength, characters > 0 ? characters : entries * 8L);

    /// <summary>
    /// Empties the set for reuse with about <paramref name="capacity"/> keys of <paramref name="characters"/> characters
    /// (0: not known), keeping its arrays when they are big enough.
    /// </summary>
    public void Reset(int capacity, long characters = 0)
    {
        var entries = Entries(capacity);
        if (chars.Length < characters) chars = new char[CharCapacity(entries, characters)];
        if (table.Length < entries * 2)
        {
            table = new long[entries * 2];
            offsets = new int[entries];
            lengths = new int[entries];
            hashes = new int[entries];
            values = new long[entries];
        }
        else
        {
            Array.Clear(table);
        }
        Count = 0;
        used = 0;
    }

    /// <summary>Adds the key with <paramref name="value"/>, or returns false and the existing key's value.</summary>
    public bool TryAdd(ReadOnlySpan<char> key, long value, out long existing) =>
        TryAdd(key, string.GetHashCode(key) & int.MaxValue, value, out existing);

    /// <summary>As above with the key's non-negative hash already computed.</summary>
    /// <remarks>
    /// Fully optimized from its first call: it runs in a burst at the end of the pass (each partition's keys), too short
    /// for tiered compilation to replace the unoptimized first version before the burst is over.
    /// </remarks>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public bool TryAdd(ReadOnlySpan<char> key, int hash, long value, out long existing)
    {
        var mask = table.Length - 1;
        var slot = hash & mask;
        while (true)
        {
            var cell = table[slot];
            if (cell == 0) break;
            if ((int)(cell >> 32) == hash)
            {
                var entry = (int)cell - 1;
                if (chars.AsSpan(offsets[entry], lengths[entry]).SequenceEqual(key))
                {
                    existing = values[entry];
                    return false;
                }
            }
            slot = (slot + 1) & mask;
        }
        existing = 0;
        if (Count == offsets.Length) GrowEntries();
        if (used + key.Length > chars.Length) Array.Resize(ref chars, Math.Max(chars.Length * 2, used + key.Length));
        key.CopyTo(chars.AsSpan(used));
        offsets[Count] = used;
        lengths[Count] = key.Length;
        hashes[Count] = hash;
        values[Count] = value;
        used += key.Length;
        table[slot] = Cell(hash, ++Count);
        if (Count * 2 > table.Length) Rehash();
        return true;
    }

    public ReadOnlySpan<char> Key(int entry) => chars.AsSpan(offsets[entry], lengths[entry]);

    public long Value(int entry) => values[entry];

    private void GrowEntries()
    {
        var size = offsets.Length * 2;
        Array.Resize(ref offsets, size);
        Array.Resize(ref lengths, size);
        Array.Resize(ref hashes, size);
        Array.Resize(ref values, size);
    }

    /// <summary>A table slot: the hash in the high half, the entry number plus one (0: empty) in the low half.</summary>
    private static long Cell(int hash, int entryPlusOne) => ((long)hash << 32) | (uint)entryPlusOne;

    private void Rehash()
    {
        table = new long[table.Length * 2];
        var mask = table.Length - 1;
        for (var entry = 0; entry < Count; entry++)
        {
            var slot = hashes[entry] & mask;
            while (table[slot] != 0) slot = (slot + 1) & mask;
            table[slot] = Cell(hashes[entry], entry + 1);
        }
    }

    /// <summary>Bytes held, for reporting.</summary>
    public long Bytes => (long)chars.Length * sizeof(char) + (long)table.Length * sizeof(long) + (long)offsets.Length * (3 * sizeof(int) + sizeof(long));
}
