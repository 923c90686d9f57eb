using TrainingOrchestration.Contracts.Expressions;
using TrainingOrchestration.Contracts.Model;
using TrainingOrchestration.Contracts.Reading;

namespace TrainingOrchestration.Contracts.Tests.Expressions;

/// <summary>
/// The vector form of a predicate (<see cref="VectorPredicate"/>) gives every row the truth the row form
/// (<see cref="RowPredicate.Evaluate"/>) gives it: every operator, nulls, invalid cells, text and numbers, texts as
/// dictionary entries whose dictionary changes from one block to the next.
/// </summary>
public class VectorPredicateTests
{
    private static readonly ColumnSpec[] Columns =
    [
        new("a", ColumnType.Decimal, default),
        new("b", ColumnType.Integer, default),
        new("plan", ColumnType.String, default),
        new("flag", ColumnType.Boolean, default),
        new("word", ColumnType.String, default),
    ];

    public static TheoryData<string> Predicates =>
    [
        "a + b * 2 == 7", "(a - b) / b >= 0.5", "a / b < 1", "-a <= -b", "a * 0 != 0", "a > b", "a >= b", "a < 2.5", "a <> b",
        "a = b", "a is null", "b is not null", "a + b is null", "a / b is not null", "not a > b", "not (a > b or b < 3)",
        "a >= b or b == 0", "a >= b and b == 0", "a > 1 and (b < 3 or flag)", "flag", "not flag", "flag == true",
        "flag != 0", "flag + 1 > 1", "true", "false or a > 1", "true and b < 2", "not false", "true == flag",
        "plan == 'pro'", "plan != 'pro'", "plan < 'b'", "plan >= 'basic'", "'pro' > plan", "'pro' == plan", "plan == word",
        "plan != word", "plan <= word", "plan is null", "word is not null", "'x' is null", "'a' < 'b'", "'b' <= 'a'",
        "plan != 'No phone service' or b == 0",
    ];

    [Theory]
    [MemberData(nameof(Predicates))]
    public void Vector_and_row_forms_give_every_row_the_same_truth(string text)
    {
        var predicate = ExpressionParser.Parse(text, Columns);
        var vector = predicate.Vectorize();
        var random = new Random(text.Length * 7919 + text[0]);
        for (var block = 0; block < 6; block++)
        {
            var rows = Block.Random(random, block % 2 == 0 ? VectorNode.BlockRows : random.Next(1, 300), dictionary: block % 3 != 2, generation: block);
            var truths = new Truth[rows.Count];
            vector.Evaluate(rows, truths);
            var falseRows = new int[VectorNode.BlockRows];
            var falseCount = vector.FindFalse(rows, falseRows);
            var expectedFalse = new List<int>();
            for (var i = 0; i < rows.Count; i++)
            {
                var expected = predicate.Evaluate(rows.Row(i));
                Assert.True(expected == truths[i], $"{text}, block {block}, row {i}: row form {expected}, vector form {truths[i]}");
                if (expected == Truth.False) expectedFalse.Add(i);
            }
            Assert.Equal(expectedFalse, falseRows.Take(falseCount));
        }
    }

    [Fact]
    public void The_test_blocks_hold_nulls_invalid_cells_and_each_truth()
    {
        var rows = Block.Random(new Random(1), VectorNode.BlockRows, dictionary: true, generation: 0);
        Assert.Contains(CellState.Invalid, rows.States(0).ToArray());
        Assert.Contains(CellState.Null, rows.States(2).ToArray());
        var truths = new Truth[rows.Count];
        ExpressionParser.Parse("a >= b or plan == 'pro'", Columns).Vectorize().Evaluate(rows, truths);
        Assert.Equal([Truth.False, Truth.True, Truth.Unknown], truths.Distinct().Order());
    }

    /// <summary>Rows by column, readable both as vectors and row by row; texts optionally as a dictionary per block.</summary>
    private sealed class Block(int count, CellState[][] states, double[][] numbers, string?[][] texts, int[]? refs, string[] entries, long generation)
        : IColumnVectors
    {
        private static readonly string[] Words = ["pro", "basic", "No phone service", "b", "", "pro ", "Pro", "é✓", "a"];

        public static Block Random(Random random, int count, bool dictionary, long generation)
        {
            var states = Columns.Select(_ => new CellState[count]).ToArray();
            var numbers = Columns.Select(_ => new double[count]).ToArray();
            var texts = Columns.Select(_ => new string?[count]).ToArray();
            // Each block its own dictionary order, so a cached per-entry result from the previous block would be wrong.
            var entries = Words.OrderBy(_ => random.Next()).ToArray();
            var refs = new int[count];
            for (var i = 0; i < count; i++)
            {
                for (var c = 0; c < Columns.Length; c++)
                {
                    var roll = random.Next(10);
                    states[c][i] = roll == 0 ? CellState.Null : roll == 1 && Columns[c].Type != ColumnType.String ? CellState.Invalid : CellState.Value;
                    numbers[c][i] = Columns[c].Type switch
                    {
                        ColumnType.Boolean => random.Next(2),
                        ColumnType.String => double.NaN,
                        _ => random.Next(-2, 6) / (c == 0 ? 2.0 : 1.0),
                    };
                    if (Columns[c].Type != ColumnType.String) continue;
                    // An empty text is a null, as in a Parquet text column.
                    var entry = random.Next(entries.Length);
                    if (entries[entry].Length == 0) states[c][i] = CellState.Null;
                    if (states[c][i] == CellState.Null) entry = Array.IndexOf(entries, "");
                    texts[c][i] = entries[entry].Length == 0 ? null : entries[entry];
                    if (c == 2) refs[i] = entry;
                }
            }
            return new Block(count, states, numbers, texts, dictionary ? refs : null, entries, generation);
        }

        public int Count => count;
        public ReadOnlySpan<CellState> States(int column) => states[column];
        public ReadOnlySpan<double> Numbers(int column) => numbers[column];
        public ReadOnlySpan<char> Text(int column, int row) => texts[column][row];

        public bool TryEntries(int column, out ReadOnlySpan<int> rows, out long group)
        {
            group = generation;
            rows = column == 2 && refs is not null ? refs : default;
            return column == 2 && refs is not null;
        }

        public ReadOnlySpan<char> EntryText(int column, int entry) => entries[entry];

        public IRowValues Row(int i) => new RowView(this, i);

        private sealed class RowView(Block block, int i) : IRowValues
        {
            public CellState State(int column) => block.States(column)[i];
            public double Number(int column) => block.Numbers(column)[i];
            public ReadOnlySpan<char> Text(int column) => block.Text(column, i);
        }
    }
}
