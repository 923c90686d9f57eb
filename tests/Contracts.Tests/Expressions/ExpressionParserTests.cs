using TrainingOrchestration.Contracts.Expressions;
using TrainingOrchestration.Contracts.Model;
using TrainingOrchestration.Contracts.Reading;

namespace TrainingOrchestration.Contracts.Tests.Expressions;

public class ExpressionParserTests
{
    private static readonly ColumnSpec[] Columns =
    [
        new("a", ColumnType.Decimal, default),
        new("b", ColumnType.Integer, default),
        new("plan", ColumnType.String, default),
        new("flag", ColumnType.Boolean, default),
    ];

    private sealed class Row(double? a, double? b, string? plan, bool? flag = null) : IRowValues
    {
        public CellState State(int column) => column switch
        {
            0 => a is null ? CellState.Null : CellState.Value,
            1 => b is null ? CellState.Null : CellState.Value,
            2 => plan is null ? CellState.Null : CellState.Value,
            _ => flag is null ? CellState.Null : CellState.Value,
        };

        public double Number(int column) => column switch { 0 => a ?? 0, 1 => b ?? 0, 3 => flag == true ? 1 : 0, _ => double.NaN };
        public ReadOnlySpan<char> Text(int column) => column == 2 ? plan : default;
    }

    private static Truth Eval(string expr, Row row) => ExpressionParser.Parse(expr, Columns).Evaluate(row);

    [Theory]
    [InlineData("a + b * 2 == 7", 1, 3, Truth.True)]
    [InlineData("(a + b) * 2 == 8", 1, 3, Truth.True)]
    [InlineData("a >= b or b == 3", 1, 3, Truth.True)]
    [InlineData("a >= b and b == 3", 1, 3, Truth.False)]
    [InlineData("not a > b", 1, 3, Truth.True)]
    [InlineData("-a < 0", 1, 3, Truth.True)]
    [InlineData("a / 0 > 1", 1, 3, Truth.Unknown)]
    [InlineData("a <> b", 1, 3, Truth.True)]
    public void Arithmetic_comparison_and_logic_follow_the_usual_precedence(string expr, double a, double b, Truth expected)
    {
        Assert.Equal(expected, Eval(expr, new Row(a, b, "x")));
    }

    [Theory]
    [InlineData(1, 3, "FTTTFF")]
    [InlineData(3, 3, "TFFTFT")]
    [InlineData(5, 3, "FTFFTT")]
    public void Every_comparison_operator_holds_on_numbers_and_texts(double a, double b, string expected)
    {
        string[] operators = ["==", "!=", "<", "<=", ">", ">="];
        var texts = new Dictionary<double, string> { [1] = "basic", [3] = "gold", [5] = "pro" };
        for (var i = 0; i < operators.Length; i++)
        {
            var truth = expected[i] == 'T' ? Truth.True : Truth.False;
            Assert.Equal(truth, Eval($"a {operators[i]} b", new Row(a, b, "x")));
            Assert.Equal(truth, Eval($"plan {operators[i]} 'gold'", new Row(a, b, texts[a])));
        }
        Assert.Equal(Truth.True, Eval("a = b", new Row(3, 3, "x")));
    }

    [Fact]
    public void Nulls_make_comparisons_unknown_and_or_true_wins_as_in_sql()
    {
        var row = new Row(null, 3, null);

        Assert.Equal(Truth.Unknown, Eval("a > 1", row));
        Assert.Equal(Truth.True, Eval("a > 1 or b == 3", row));
        Assert.Equal(Truth.False, Eval("a > 1 and b == 4", row));
        Assert.Equal(Truth.True, Eval("a is null and plan is null and b is not null", row));
    }

    [Fact]
    public void String_columns_compare_with_quoted_text_and_booleans_act_as_predicates()
    {
        var row = new Row(1, 2, "it's pro", flag: true);

        Assert.Equal(Truth.True, Eval("plan == 'it''s pro'", row));
        Assert.Equal(Truth.True, Eval("flag and plan != 'basic'", row));
        Assert.Equal(Truth.True, Eval("flag == true", row));
    }

    [Theory]
    [InlineData("plan > 1", "cannot compare text with a number")]
    [InlineData("a + plan > 1", "needs numbers")]
    [InlineData("a + b", "must be a predicate")]
    [InlineData("a > 1 and", "unexpected end of expression")]
    [InlineData("(a > 1", "expected ')'")]
    [InlineData("a > 1 ;", "unexpected character ';'")]
    [InlineData("c > 1", "unknown column 'c'")]
    [InlineData("plan == 'open", "unterminated string")]
    public void Malformed_or_ill_typed_predicates_are_rejected_with_a_position(string expr, string message)
    {
        var error = Assert.Throws<ExpressionSyntaxException>(() => ExpressionParser.Parse(expr, Columns));

        Assert.Contains(message, error.Message);
    }
}
