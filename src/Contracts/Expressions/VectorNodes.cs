namespace TrainingOrchestration.Contracts.Expressions;

// The vector forms of Nodes.cs, node for node (see VectorNode).

internal sealed class VectorNumberLiteral(double value) : VectorNode
{
    public override void Numbers(IColumnVectors input, Span<double> values, Span<bool> present)
    {
        values.Fill(value);
        present.Fill(true);
    }
}

internal sealed class VectorBoolLiteral(bool value) : VectorNode
{
    public override void Truths(IColumnVectors input, Span<Truth> truths) => truths.Fill(value ? Truth.True : Truth.False);

    public override void Numbers(IColumnVectors input, Span<double> values, Span<bool> present)
    {
        values.Fill(value ? 1 : 0);
        present.Fill(true);
    }
}

/// <summary>A numeric or boolean column.</summary>
internal sealed class VectorColumn(int column) : VectorNode
{
    public override void Numbers(IColumnVectors input, Span<double> values, Span<bool> present)
    {
        var states = input.States(column)[..values.Length];
        var numbers = input.Numbers(column)[..values.Length];
        for (var i = 0; i < values.Length; i++)
        {
            var p = Present(states[i]);
            present[i] = p;
            values[i] = p ? numbers[i] : 0;
        }
    }

    public override void Truths(IColumnVectors input, Span<Truth> truths)
    {
        var states = input.States(column)[..truths.Length];
        var numbers = input.Numbers(column)[..truths.Length];
        for (var i = 0; i < truths.Length; i++)
        {
            truths[i] = !Present(states[i]) ? Truth.Unknown : numbers[i] != 0 ? Truth.True : Truth.False;
        }
    }
}

/// <summary>A text operand: a string column (<paramref name="column"/> ≥ 0) or a literal.</summary>
internal sealed class VectorText(int column, string? literal) : VectorNode
{
    public int Column => column;
    public string Literal => literal ?? "";
    public bool IsColumn => column >= 0;
}

internal sealed class VectorNegation(VectorNode operand) : VectorNode
{
    public override void Numbers(IColumnVectors input, Span<double> values, Span<bool> present)
    {
        operand.Numbers(input, values, present);
        for (var i = 0; i < values.Length; i++) values[i] = -values[i];
    }
}

internal sealed class VectorArithmetic(char op, VectorNode left, VectorNode right) : VectorNode
{
    private readonly double[] rightValues = new double[BlockRows];
    private readonly bool[] rightPresent = new bool[BlockRows];

    public override void Numbers(IColumnVectors input, Span<double> values, Span<bool> present)
    {
        left.Numbers(input, values, present);
        var b = rightValues.AsSpan(0, values.Length);
        var pb = rightPresent.AsSpan(0, values.Length);
        right.Numbers(input, b, pb);
        for (var i = 0; i < values.Length; i++)
        {
            // Division by zero is null, as in SQL engines that do not throw.
            if (!present[i] || !pb[i] || (op == '/' && b[i] == 0))
            {
                present[i] = false;
                values[i] = 0;
                continue;
            }
            values[i] = op switch { '+' => values[i] + b[i], '-' => values[i] - b[i], '*' => values[i] * b[i], _ => values[i] / b[i] };
        }
    }
}

internal sealed class VectorNullTest(VectorNode operand, bool text, bool negated) : VectorNode
{
    private readonly double[] values = new double[BlockRows];
    private readonly bool[] present = new bool[BlockRows];

    public override void Truths(IColumnVectors input, Span<Truth> truths)
    {
        var p = present.AsSpan(0, truths.Length);
        if (!text) operand.Numbers(input, values.AsSpan(0, truths.Length), p);
        else if (operand is VectorText { IsColumn: true } column)
        {
            var states = input.States(column.Column);
            for (var i = 0; i < p.Length; i++) p[i] = Present(states[i]);
        }
        else p.Fill(true);
        for (var i = 0; i < truths.Length; i++) truths[i] = p[i] == negated ? Truth.True : Truth.False;
    }
}

internal sealed class VectorLogical(bool isAnd, VectorNode left, VectorNode right) : VectorNode
{
    private readonly Truth[] rightTruths = new Truth[BlockRows];

    public override void Truths(IColumnVectors input, Span<Truth> truths)
    {
        left.Truths(input, truths);
        var b = rightTruths.AsSpan(0, truths.Length);
        right.Truths(input, b);
        for (var i = 0; i < truths.Length; i++)
        {
            var a = truths[i];
            truths[i] = isAnd
                ? a == Truth.False || b[i] == Truth.False ? Truth.False : a == Truth.True && b[i] == Truth.True ? Truth.True : Truth.Unknown
                : a == Truth.True || b[i] == Truth.True ? Truth.True : a == Truth.False && b[i] == Truth.False ? Truth.False : Truth.Unknown;
        }
    }
}

internal sealed class VectorNot(VectorNode operand) : VectorNode
{
    public override void Truths(IColumnVectors input, Span<Truth> truths)
    {
        operand.Truths(input, truths);
        for (var i = 0; i < truths.Length; i++)
        {
            truths[i] = truths[i] switch { Truth.True => Truth.False, Truth.False => Truth.True, _ => Truth.Unknown };
        }
    }
}
