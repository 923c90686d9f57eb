using System.Runtime.InteropServices;

namespace TrainingOrchestration.Contracts.Sketches;

/// <summary>
/// A quantile summary whose content depends only on the multiset of values, never on their order or on how they
/// were split into parts, so part files merged give exactly what the whole table gives (a KLL sketch's random
/// compactions do not). Values are counted exactly while there are at most <see cref="MaxBuckets"/> distinct ones;
/// beyond that they are counted in buckets of their order-preserving 64-bit key with the lowest bits dropped, one
/// more bit at a time until the buckets fit again. The result is the finest resolution at which the whole table
/// fits in <see cref="MaxBuckets"/> buckets: exact for integer and low-cardinality columns, and otherwise a
/// quantile within one bucket of the truth (a relative error of 2^-(52 - dropped mantissa bits)).
/// </summary>
public sealed class ValueHistogram
{
    public const int MaxBuckets = 1024;
    private Dictionary<long, long> buckets = [];

    /// <summary>Low key bits dropped (0 = exact values).</summary>
    public int Shift { get; private set; }
    public long Count { get; private set; }

    public void Add(double value)
    {
        ref var count = ref CollectionsMarshal.GetValueRefOrAddDefault(buckets, Key(value) >> Shift, out var existed);
        count++;
        Count++;
        if (!existed && buckets.Count > MaxBuckets) Coarsen(Shift + 1);
    }

    public void Merge(ValueHistogram other) => Merge(other.Shift, other.buckets);

    /// <summary>Value at rank <paramref name="q"/> in [0, 1] (the first whose cumulative count reaches q·n); NaN when empty.</summary>
    public double Quantile(double q)
    {
        if (Count == 0) return double.NaN;
        var target = q * Count;
        long cumulative = 0;
        var sorted = Sorted();
        foreach (var (bucket, count) in sorted)
        {
            cumulative += count;
            if (cumulative >= target) return Representative(bucket);
        }
        return Representative(sorted[^1].Bucket);
    }

    /// <summary>Fraction of the values strictly below <paramref name="value"/> (buckets that hold it count as above).</summary>
    public double Rank(double value)
    {
        if (Count == 0) return 0;
        var bucket = Key(value) >> Shift;
        long below = 0;
        foreach (var (b, count) in buckets)
        {
            if (b < bucket) below += count;
        }
        return (double)below / Count;
    }

    public (long Bucket, long Count)[] Sorted() => buckets.Select(b => (b.Key, b.Value)).OrderBy(b => b.Key).ToArray();

    public static ValueHistogram FromBuckets(int shift, IReadOnlyList<long> keys, IReadOnlyList<long> counts)
    {
        var histogram = new ValueHistogram();
        var incoming = new Dictionary<long, long>(keys.Count);
        for (var i = 0; i < keys.Count; i++) incoming[keys[i]] = counts[i];
        histogram.Merge(shift, incoming);
        return histogram;
    }

    private void Merge(int shift, Dictionary<long, long> incoming)
    {
        if (shift > Shift) Coarsen(shift);
        var extra = Shift - shift;
        foreach (var (bucket, count) in incoming)
        {
            CollectionsMarshal.GetValueRefOrAddDefault(buckets, bucket >> extra, out _) += count;
            Count += count;
        }
        if (buckets.Count > MaxBuckets) Coarsen(Shift + 1);
    }

    private void Coarsen(int shift)
    {
        while (true)
        {
            var coarser = new Dictionary<long, long>();
            var extra = shift - Shift;
            foreach (var (bucket, count) in buckets) CollectionsMarshal.GetValueRefOrAddDefault(coarser, bucket >> extra, out _) += count;
            buckets = coarser;
            Shift = shift;
            if (buckets.Count <= MaxBuckets) return;
            shift++;
        }
    }

    /// <summary>The middle of a bucket's key range as a value (the value itself when exact).</summary>
    private double Representative(long bucket)
    {
        if (Shift == 0) return Value(bucket);
        var low = bucket << Shift;
        var high = low + ((1L << Shift) - 1);
        return Value(low + (high - low) / 2);
    }

    /// <summary>Order-preserving signed key: negative doubles' bits are flipped so keys sort as the values do.</summary>
    private static long Key(double value)
    {
        var bits = BitConverter.DoubleToInt64Bits(value);
        return bits >= 0 ? bits : bits ^ long.MaxValue;
    }

    private static double Value(long key) => BitConverter.Int64BitsToDouble(key >= 0 ? key : key ^ long.MaxValue);
}
