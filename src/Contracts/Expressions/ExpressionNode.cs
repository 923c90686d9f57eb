namespace TrainingOrchestration.Contracts.Expressions;

/// <summary>A node of a parsed predicate; evaluated once per row, so nodes allocate nothing.</summary>
internal abstract class ExpressionNode
{
    public abstract ExpressionType Type { get; }

    /// <summary>For <see cref="ExpressionType.Number"/> nodes: false when the value is null.</summary>
    public virtual bool TryNumber(IRowValues row, out double value) => throw new InvalidOperationException($"{GetType().Name} is not numeric");

    /// <summary>For <see cref="ExpressionType.Bool"/> nodes.</summary>
    public virtual Truth Evaluate(IRowValues row) => throw new InvalidOperationException($"{GetType().Name} is not a predicate");

    /// <summary>For <see cref="ExpressionType.Text"/> nodes: false when the value is null.</summary>
    public virtual bool TryText(IRowValues row, out ReadOnlySpan<char> value) => throw new InvalidOperationException($"{GetType().Name} is not text");

    /// <summary>The node's vector form (<see cref="VectorNode"/>), with its own buffers: one per check instance, not shared between threads.</summary>
    public abstract VectorNode ToVector();

    /// <summary>Contract column indexes the node reads (for reporting a failing row's values).</summary>
    public virtual IEnumerable<int> Columns() => [];
}
