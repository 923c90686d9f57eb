using TrainingOrchestration.Contracts.Reading;

namespace TrainingOrchestration.Contracts.Expressions;

/// <summary>
/// A predicate node evaluated over a block of rows at once (<see cref="IColumnVectors"/>), as a vectorized engine
/// does: one loop per node per block instead of a tree walk per row. Same three-valued logic, coercions and
/// comparisons as <see cref="ExpressionNode"/> row by row (a null operand is unknown; division by zero is null; text
/// compares ordinally, numbers with <see cref="double.CompareTo(double)"/>). Each node owns its children's buffers of
/// <see cref="BlockRows"/>, so a tree serves one thread.
/// </summary>
internal abstract class VectorNode
{
    /// <summary>Rows per block: small enough that every node's buffers stay in the CPU cache.</summary>
    public const int BlockRows = 1024;

    /// <summary>For numeric nodes: each row's value and whether it is present (not null).</summary>
    public virtual void Numbers(IColumnVectors input, Span<double> values, Span<bool> present) =>
        throw new InvalidOperationException($"{GetType().Name} is not numeric");

    /// <summary>For predicate nodes: each row's truth.</summary>
    public virtual void Truths(IColumnVectors input, Span<Truth> truths) =>
        throw new InvalidOperationException($"{GetType().Name} is not a predicate");

    protected static bool Present(CellState state) => state == CellState.Value;
}

/// <summary>A parsed predicate's vector form: the rows of a block where it is false.</summary>
internal sealed class VectorPredicate(VectorNode root)
{
    private readonly Truth[] truths = new Truth[VectorNode.BlockRows];

    /// <summary>Each row's truth in the block.</summary>
    public void Evaluate(IColumnVectors input, Span<Truth> result) => root.Truths(input, result[..input.Count]);

    /// <summary>Writes the block's rows (0-based) where the predicate is false into <paramref name="rows"/>, in order; returns how many.</summary>
    public int FindFalse(IColumnVectors input, Span<int> rows)
    {
        var block = truths.AsSpan(0, input.Count);
        root.Truths(input, block);
        var count = 0;
        for (var i = 0; i < block.Length; i++)
        {
            if (block[i] == Truth.False) rows[count++] = i;
        }
        return count;
    }
}
