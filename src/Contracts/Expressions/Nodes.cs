using TrainingOrchestration.Contracts.Reading;

namespace TrainingOrchestration.Contracts.Expressions;

// The node types are tiny and only meaningful together, so they share this file.

internal sealed class NumberLiteral(double value) : ExpressionNode
{
    public override ExpressionType Type => ExpressionType.Number;
    public override VectorNode ToVector() => new VectorNumberLiteral(value);
    public override bool TryNumber(IRowValues row, out double v) { v = value; return true; }
}

internal sealed class TextLiteral(string value) : ExpressionNode
{
    public override ExpressionType Type => ExpressionType.Text;
    public override VectorNode ToVector() => new VectorText(-1, value);
    public override bool TryText(IRowValues row, out ReadOnlySpan<char> v) { v = value; return true; }
}

internal sealed class ColumnReference(int column, ExpressionType type) : ExpressionNode
{
    public override ExpressionType Type => type;
    public override VectorNode ToVector() => type == ExpressionType.Text ? new VectorText(column, null) : new VectorColumn(column);
    public override IEnumerable<int> Columns() => [column];

    public override bool TryNumber(IRowValues row, out double v)
    {
        var present = row.State(column) == CellState.Value;
        v = present ? row.Number(column) : 0;
        return present;
    }

    public override bool TryText(IRowValues row, out ReadOnlySpan<char> v)
    {
        var present = row.State(column) == CellState.Value;
        v = present ? row.Text(column) : default;
        return present;
    }

    public override Truth Evaluate(IRowValues row) =>
        row.State(column) != CellState.Value ? Truth.Unknown : row.Number(column) != 0 ? Truth.True : Truth.False;
}

internal sealed class Negation(ExpressionNode operand) : ExpressionNode
{
    public override ExpressionType Type => ExpressionType.Number;
    public override VectorNode ToVector() => new VectorNegation(operand.ToVector());
    public override IEnumerable<int> Columns() => operand.Columns();
    public override bool TryNumber(IRowValues row, out double v)
    {
        var ok = operand.TryNumber(row, out v);
        v = -v;
        return ok;
    }
}

internal sealed class Arithmetic(char op, ExpressionNode left, ExpressionNode right) : ExpressionNode
{
    public override ExpressionType Type => ExpressionType.Number;
    public override VectorNode ToVector() => new VectorArithmetic(op, left.ToVector(), right.ToVector());
    public override IEnumerable<int> Columns() => left.Columns().Concat(right.Columns());
    public override bool TryNumber(IRowValues row, out double v)
    {
        v = 0;
        if (!left.TryNumber(row, out var a) || !right.TryNumber(row, out var b)) return false;
        if (op == '/' && b == 0) return false; // division by zero is null, as in SQL engines that do not throw
        v = op switch { '+' => a + b, '-' => a - b, '*' => a * b, _ => a / b };
        return true;
    }
}

internal sealed class Comparison(string op, ExpressionNode left, ExpressionNode right) : ExpressionNode
{
    // Fixed when parsed, not per row: whether the operands are text, and which orders make the comparison true
    // (bit 0: less, bit 1: equal, bit 2: greater).
    private readonly bool text = left.Type == ExpressionType.Text;
    private readonly int accepted = op switch
    {
        "==" => 0b010,
        "!=" => 0b101,
        "<" => 0b001,
        "<=" => 0b011,
        ">" => 0b100,
        _ => 0b110,
    };

    public override ExpressionType Type => ExpressionType.Bool;
    public override VectorNode ToVector() => new VectorComparison(accepted, left.ToVector(), right.ToVector(), text);
    public override IEnumerable<int> Columns() => left.Columns().Concat(right.Columns());

    public override Truth Evaluate(IRowValues row)
    {
        int order;
        if (text)
        {
            if (!left.TryText(row, out var a) || !right.TryText(row, out var b)) return Truth.Unknown;
            order = a.SequenceCompareTo(b);
        }
        else
        {
            if (!left.TryNumber(row, out var a) || !right.TryNumber(row, out var b)) return Truth.Unknown;
            order = a.CompareTo(b);
        }
        var bit = order < 0 ? 0b001 : order == 0 ? 0b010 : 0b100;
        return (accepted & bit) != 0 ? Truth.True : Truth.False;
    }
}

internal sealed class NullTest(ExpressionNode operand, bool negated) : ExpressionNode
{
    public override ExpressionType Type => ExpressionType.Bool;
    public override VectorNode ToVector() => new VectorNullTest(operand.ToVector(), operand.Type == ExpressionType.Text, negated);
    public override IEnumerable<int> Columns() => operand.Columns();
    public override Truth Evaluate(IRowValues row)
    {
        var present = operand.Type == ExpressionType.Text ? operand.TryText(row, out _) : operand.TryNumber(row, out _);
        return present == negated ? Truth.True : Truth.False;
    }
}

internal sealed class Logical(bool isAnd, ExpressionNode left, ExpressionNode right) : ExpressionNode
{
    public override ExpressionType Type => ExpressionType.Bool;
    public override VectorNode ToVector() => new VectorLogical(isAnd, left.ToVector(), right.ToVector());
    public override IEnumerable<int> Columns() => left.Columns().Concat(right.Columns());
    public override Truth Evaluate(IRowValues row)
    {
        var a = left.Evaluate(row);
        if (isAnd && a == Truth.False) return Truth.False;
        if (!isAnd && a == Truth.True) return Truth.True;
        var b = right.Evaluate(row);
        if (isAnd) return b == Truth.False ? Truth.False : a == Truth.True && b == Truth.True ? Truth.True : Truth.Unknown;
        return b == Truth.True ? Truth.True : a == Truth.False && b == Truth.False ? Truth.False : Truth.Unknown;
    }
}

internal sealed class Not(ExpressionNode operand) : ExpressionNode
{
    public override ExpressionType Type => ExpressionType.Bool;
    public override VectorNode ToVector() => new VectorNot(operand.ToVector());
    public override IEnumerable<int> Columns() => operand.Columns();
    public override Truth Evaluate(IRowValues row) => operand.Evaluate(row) switch
    {
        Truth.True => Truth.False,
        Truth.False => Truth.True,
        _ => Truth.Unknown,
    };
}

internal sealed class BoolLiteral(bool value) : ExpressionNode
{
    public override ExpressionType Type => ExpressionType.Bool;
    public override VectorNode ToVector() => new VectorBoolLiteral(value);
    public override Truth Evaluate(IRowValues row) => value ? Truth.True : Truth.False;
    public override bool TryNumber(IRowValues row, out double v) { v = value ? 1 : 0; return true; }
}
