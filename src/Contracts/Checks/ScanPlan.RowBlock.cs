using TrainingOrchestration.Contracts.Expressions;
using TrainingOrchestration.Contracts.Model;
using TrainingOrchestration.Contracts.Reading;

namespace TrainingOrchestration.Contracts.Checks;

internal sealed partial class ScanPlan
{
    /// <summary>
    /// A block of a Parquet row group's rows as column vectors for the vector predicates: per contract column the states
    /// and numbers <see cref="ParquetTableReader.ReadAt"/> gives row by row (text coerced once per dictionary entry), and
    /// the texts straight from the decoded column.
    /// </summary>
    private sealed class RowBlock(Step[] steps) : IColumnVectors
    {
        private readonly CellState[][] states = new CellState[steps.Length][];
        private readonly double[][] numbers = new double[steps.Length][];
        private readonly EntryCoercion?[] entries = new EntryCoercion?[steps.Length];
        private ParquetTableReader? reader;
        private long generation;
        private int start;

        public int Count { get; private set; }

        /// <summary>Rows [<paramref name="first"/>, + <paramref name="count"/>) of the row group numbered <paramref name="group"/>, for <paramref name="columns"/>.</summary>
        public void Load(ParquetTableReader source, long group, int first, int count, int[] columns)
        {
            reader = source;
            generation = group;
            start = first;
            Count = count;
            foreach (var c in columns) Fill(c);
        }

        public ReadOnlySpan<CellState> States(int column) => states[column].AsSpan(0, Count);

        public ReadOnlySpan<double> Numbers(int column) => numbers[column].AsSpan(0, Count);

        public ReadOnlySpan<char> Text(int column, int row) => Buffer(column).Text(start + row);

        public bool TryEntries(int column, out ReadOnlySpan<int> refs, out long group)
        {
            group = generation;
            var index = steps[column].Index;
            if (index < 0 || reader!.Column(index) is not { IsText: true, IsDictionary: true } buffer)
            {
                refs = default;
                return false;
            }
            refs = buffer.Refs.AsSpan(start, Count);
            return true;
        }

        public ReadOnlySpan<char> EntryText(int column, int entry)
        {
            var buffer = Buffer(column);
            return buffer.Chars.AsSpan(buffer.EntryStarts[entry], buffer.EntryLengths[entry]);
        }

        private ParquetColumnBuffer Buffer(int column) => reader!.Column(steps[column].Index);

        private void Fill(int c)
        {
            var cells = (states[c] ??= new CellState[VectorNode.BlockRows]).AsSpan(0, Count);
            var values = (numbers[c] ??= new double[VectorNode.BlockRows]).AsSpan(0, Count);
            var step = steps[c];
            if (step.Index < 0)
            {
                cells.Fill(CellState.Null);
                values.Fill(0);
                return;
            }
            var buffer = reader!.Column(step.Index);
            if (!buffer.IsText) FillNumbers(buffer, step.Type, cells, values);
            else if (step.Type == ColumnType.String) FillTextStates(buffer, cells, values);
            else if (buffer.IsDictionary) (entries[c] ??= new EntryCoercion()).Fill(buffer, step.Type, generation, start, cells, values);
            else
            {
                for (var i = 0; i < cells.Length; i++)
                {
                    var text = buffer.Text(start + i);
                    double number = double.NaN;
                    cells[i] = text.IsEmpty ? CellState.Null : CellCoercion.Coerce(text, step.Type, out number);
                    values[i] = number;
                }
            }
        }

        private void FillNumbers(ParquetColumnBuffer buffer, ColumnType type, Span<CellState> cells, Span<double> values)
        {
            if (buffer.IsDictionary)
            {
                var refs = buffer.Refs.AsSpan(start, values.Length);
                var entryNumbers = buffer.EntryNumbers;
                for (var i = 0; i < values.Length; i++) values[i] = entryNumbers[refs[i]];
            }
            else buffer.Numbers.AsSpan(start, values.Length).CopyTo(values);
            var nulls = buffer.Nulls.AsSpan(start, values.Length);
            var temporal = buffer.IsTemporal;
            for (var i = 0; i < values.Length; i++)
            {
                var number = values[i];
                cells[i] = nulls[i] ? CellState.Null : type switch
                {
                    ColumnType.String => CellState.Value,
                    ColumnType.Integer => number == Math.Floor(number) ? CellState.Value : CellState.Invalid,
                    ColumnType.Boolean => number is 0 or 1 ? CellState.Value : CellState.Invalid,
                    ColumnType.Timestamp or ColumnType.Date => temporal ? CellState.Value : CellState.Invalid,
                    _ => temporal ? CellState.Invalid : CellState.Value,
                };
            }
        }

        /// <summary>Text read as text: null when empty, else a value (its number is NaN, as coercion to text leaves it).</summary>
        private void FillTextStates(ParquetColumnBuffer buffer, Span<CellState> cells, Span<double> values)
        {
            values.Fill(double.NaN);
            if (buffer.IsDictionary)
            {
                var refs = buffer.Refs.AsSpan(start, cells.Length);
                var lengths = buffer.EntryLengths;
                for (var i = 0; i < cells.Length; i++) cells[i] = lengths[refs[i]] == 0 ? CellState.Null : CellState.Value;
                return;
            }
            var plain = buffer.Lengths.AsSpan(start, cells.Length);
            for (var i = 0; i < cells.Length; i++) cells[i] = plain[i] == 0 ? CellState.Null : CellState.Value;
        }
    }

    /// <summary>A dictionary-encoded text column coerced to a number, boolean or time: each entry coerced once per row group.</summary>
    private sealed class EntryCoercion
    {
        private CellState[] states = [];
        private double[] numbers = [];
        private bool[] known = [];
        private long generation = -1;

        public void Fill(ParquetColumnBuffer buffer, ColumnType type, long group, int start, Span<CellState> cells, Span<double> values)
        {
            if (group != generation)
            {
                var count = buffer.EntryCount + 1;
                if (known.Length < count)
                {
                    states = new CellState[count];
                    numbers = new double[count];
                    known = new bool[count];
                }
                else Array.Clear(known);
                generation = group;
            }
            var refs = buffer.Refs.AsSpan(start, cells.Length);
            for (var i = 0; i < cells.Length; i++)
            {
                var entry = refs[i];
                if (!known[entry])
                {
                    var text = buffer.Chars.AsSpan(buffer.EntryStarts[entry], buffer.EntryLengths[entry]);
                    double number = double.NaN;
                    states[entry] = text.IsEmpty ? CellState.Null : CellCoercion.Coerce(text, type, out number);
                    numbers[entry] = number;
                    known[entry] = true;
                }
                cells[i] = states[entry];
                values[i] = numbers[entry];
            }
        }
    }
}
