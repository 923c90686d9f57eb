namespace TrainingOrchestration.Contracts.Expressions;

/// <summary>
/// A parsed cross-column predicate such as <c>total_charges &gt;= monthly_charges or tenure == 0</c>. A row fails
/// only when the predicate is false; unknown (a null operand) passes, as a SQL CHECK constraint does.
/// </summary>
public sealed class RowPredicate
{
    private readonly ExpressionNode root;

    internal RowPredicate(string text, ExpressionNode root)
    {
        Text = text;
        this.root = root;
        Columns = root.Columns().Distinct().Order().ToArray();
    }

    public string Text { get; }

    /// <summary>Contract column indexes the predicate reads.</summary>
    public IReadOnlyList<int> Columns { get; }

    public Truth Evaluate(IRowValues row) => root.Evaluate(row);

    /// <summary>A new vector form of the predicate (its own buffers, for one thread).</summary>
    internal VectorPredicate Vectorize() => new(root.ToVector());
}
