namespace TrainingOrchestration.LocalRuntime.SageMaker.Xgboost;

/// <summary>
/// XGBoost 1.7's binary <c>auc</c> metric (src/metric/auc.cc: <c>EvalAUC::Eval</c>'s binary branch, <c>BinaryROCAUC</c>,
/// <c>BinaryAUC</c>, <c>TrapezoidArea</c>) with the same floating-point steps in the same order, so the value is the
/// library's to the last bit; only the sort differs. The library sorts the rows by prediction with a comparison sort
/// (<c>common::ArgSort</c>, stable, descending), which on a 7-million-row channel is most of a training round; this
/// sorts with a stable radix sort over the predictions' bits, which puts the rows in the same order, ties included.
/// Rows are unweighted (the library's <c>OptionalWeights</c> of 1 for every row); a weighted set stays with the library.
/// One instance keeps its sort buffers between rounds.
/// </summary>
public sealed class RocAuc
{
    private ulong[] _keys = [];
    private ulong[] _scratch = [];

    /// <summary>
    /// The AUC of <paramref name="predictions"/> (after the objective's transform) against <paramref name="labels"/>;
    /// null where the library's answer is not the plain binary one (a prediction is NaN, the sizes differ, as for
    /// multi-class predictions, or the set has only one class, where XGBoost answers NaN and logs a warning), so the
    /// caller asks the library.
    /// </summary>
    public double? Binary(ReadOnlySpan<float> predictions, ReadOnlySpan<float> labels)
    {
        var n = labels.Length;
        if (n == 0 || predictions.Length != n) return null;
        if (_keys.Length < n)
        {
            _keys = GC.AllocateUninitializedArray<ulong>(n);
            _scratch = GC.AllocateUninitializedArray<ulong>(n);
        }
        var keys = _keys.AsSpan(0, n);
        for (var i = 0; i < n; i++)
        {
            var p = predictions[i];
            if (float.IsNaN(p)) return null;
            keys[i] = ((ulong)DescendingKey(p) << 32) | (uint)i;
        }
        var sorted = RadixSortByHighWord(keys, _scratch.AsSpan(0, n));
        return Area(sorted, labels);
    }

    /// <summary>
    /// A 32-bit key whose ascending order is the floats' descending order: the IEEE bits made to sort as unsigned
    /// numbers, then inverted. -0 is made +0 first, as <c>std::greater</c> holds them equal.
    /// </summary>
    private static uint DescendingKey(float value)
    {
        var bits = BitConverter.SingleToUInt32Bits(value == 0f ? 0f : value);
        var ascending = (bits & 0x8000_0000u) != 0 ? ~bits : bits | 0x8000_0000u;
        return ~ascending;
    }

    /// <summary>
    /// LSD radix sort of the entries by their high 32 bits (the key), 11 bits a pass; stable, so rows with equal
    /// predictions stay in row order, as the library's stable sort leaves them. Returns the span holding the result.
    /// </summary>
    private static Span<ulong> RadixSortByHighWord(Span<ulong> keys, Span<ulong> scratch)
    {
        const int Bits = 11, Buckets = 1 << Bits, Passes = 3;
        var counts = new int[Passes * Buckets];
        foreach (var entry in keys)
        {
            var key = (uint)(entry >> 32);
            counts[(int)(key & (Buckets - 1))]++;
            counts[Buckets + (int)((key >> Bits) & (Buckets - 1))]++;
            counts[2 * Buckets + (int)(key >> (2 * Bits))]++;
        }
        Span<ulong> from = keys, to = scratch;
        for (var pass = 0; pass < Passes; pass++)
        {
            var offsets = counts.AsSpan(pass * Buckets, Buckets);
            if (offsets.Contains(from.Length)) continue; // every entry has the same digit: this pass would not move one
            var sum = 0;
            for (var b = 0; b < Buckets; b++) (offsets[b], sum) = (sum, sum + offsets[b]);
            var shift = 32 + pass * Bits;
            foreach (var entry in from) to[offsets[(int)((entry >> shift) & (Buckets - 1))]++] = entry;
            var swap = from;
            from = to;
            to = swap;
        }
        return from;
    }

    /// <summary><c>BinaryAUC</c> with <c>TrapezoidArea</c>, then <c>EvalAUC::Eval</c>'s normalization, step for step.</summary>
    private static double? Area(ReadOnlySpan<ulong> sorted, ReadOnlySpan<float> labels)
    {
        const float w = 1f; // OptionalWeights without weights
        var label = labels[(int)(uint)sorted[0]];
        double fp = (1.0 - label) * w, tp = label * w;
        double tpPrev = 0, fpPrev = 0, auc = 0;
        for (var i = 1; i < sorted.Length; i++)
        {
            if ((sorted[i] >> 32) != (sorted[i - 1] >> 32))
            {
                auc += TrapezoidArea(fpPrev, fp, tpPrev, tp);
                tpPrev = tp;
                fpPrev = fp;
            }
            label = labels[(int)(uint)sorted[i]];
            fp += (1.0f - label) * w;
            tp += label * w;
        }
        auc += TrapezoidArea(fpPrev, fp, tpPrev, tp);
        if (fp <= 0.0f || tp <= 0.0f) return null; // one class only: the library's NaN, with its warning
        var localArea = fp * tp;
        return localArea <= 0 ? null : auc / localArea;
    }

    private static double TrapezoidArea(double x0, double x1, double y0, double y1) => Math.Abs(x0 - x1) * (y0 + y1) * 0.5f;
}
