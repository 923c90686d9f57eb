namespace TrainingOrchestration.Contracts.Checks;

/// <summary>An append-only run of keys (characters back to back) with each key's hash and value, in arrival order.</summary>
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
        if (Count == offsets.Length)
        {
            Array.Resize(ref offsets, Count * 2);
            Array.Resize(ref lengths, Count * 2);
            Array.Resize(ref hashes, Count * 2);
            Array.Resize(ref values, Count * 2);
        }
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
}
