namespace TrainingOrchestration.Contracts.Expressions;

/// <summary>
/// A comparison over a block. <paramref name="accepted"/> holds the orders that make it true (bit 0: less, bit 1: equal,
/// bit 2: greater), as in <see cref="Comparison"/>. Text compares ordinally; a dictionary-encoded text column against a
/// literal is compared once per dictionary entry and then looked up by each row's entry.
/// </summary>
internal sealed class VectorComparison(int accepted, VectorNode left, VectorNode right, bool text) : VectorNode
{
    private readonly double[] leftValues = new double[BlockRows];
    private readonly bool[] leftPresent = new bool[BlockRows];
    private readonly double[] rightValues = new double[BlockRows];
    private readonly bool[] rightPresent = new bool[BlockRows];

    /// <summary>Per dictionary entry, the order bit against the literal (0: not yet compared), for <see cref="entriesOf"/>.</summary>
    private byte[] entryOrders = [];
    private long entriesOf = -1;

    public override void Truths(IColumnVectors input, Span<Truth> truths)
    {
        if (text)
        {
            TextTruths(input, (VectorText)left, (VectorText)right, truths);
            return;
        }
        var n = truths.Length;
        var a = leftValues.AsSpan(0, n);
        var pa = leftPresent.AsSpan(0, n);
        var b = rightValues.AsSpan(0, n);
        var pb = rightPresent.AsSpan(0, n);
        left.Numbers(input, a, pa);
        right.Numbers(input, b, pb);
        for (var i = 0; i < n; i++)
        {
            truths[i] = !pa[i] || !pb[i] ? Truth.Unknown : Verdict(OrderBit(a[i].CompareTo(b[i])));
        }
    }

    private void TextTruths(IColumnVectors input, VectorText a, VectorText b, Span<Truth> truths)
    {
        if (!a.IsColumn && !b.IsColumn)
        {
            truths.Fill(Verdict(OrderBit(a.Literal.AsSpan().SequenceCompareTo(b.Literal))));
            return;
        }
        if (a.IsColumn && b.IsColumn)
        {
            var leftStates = input.States(a.Column);
            var rightStates = input.States(b.Column);
            for (var i = 0; i < truths.Length; i++)
            {
                truths[i] = !Present(leftStates[i]) || !Present(rightStates[i])
                    ? Truth.Unknown
                    : Verdict(OrderBit(input.Text(a.Column, i).SequenceCompareTo(input.Text(b.Column, i))));
            }
            return;
        }
        // One column against a literal: the order is that of column to literal, reversed when the literal is on the left.
        var column = a.IsColumn ? a.Column : b.Column;
        var literal = a.IsColumn ? b.Literal : a.Literal;
        var reversed = !a.IsColumn;
        var states = input.States(column);
        if (input.TryEntries(column, out var refs, out var generation))
        {
            if (generation != entriesOf) ResetEntries(generation);
            for (var i = 0; i < truths.Length; i++)
            {
                if (!Present(states[i])) { truths[i] = Truth.Unknown; continue; }
                var entry = refs[i];
                if (entry >= entryOrders.Length) Array.Resize(ref entryOrders, Math.Max(entry + 1, entryOrders.Length * 2));
                ref var bit = ref entryOrders[entry];
                if (bit == 0) bit = (byte)OrderBit(Order(input.EntryText(column, entry), literal, reversed));
                truths[i] = Verdict(bit);
            }
            return;
        }
        for (var i = 0; i < truths.Length; i++)
        {
            truths[i] = !Present(states[i]) ? Truth.Unknown : Verdict(OrderBit(Order(input.Text(column, i), literal, reversed)));
        }
    }

    private void ResetEntries(long generation)
    {
        Array.Clear(entryOrders);
        entriesOf = generation;
    }

    private static int Order(ReadOnlySpan<char> column, string literal, bool reversed) =>
        reversed ? literal.AsSpan().SequenceCompareTo(column) : column.SequenceCompareTo(literal);

    private static int OrderBit(int order) => order < 0 ? 0b001 : order == 0 ? 0b010 : 0b100;

    private Truth Verdict(int bit) => (accepted & bit) != 0 ? Truth.True : Truth.False;
}
