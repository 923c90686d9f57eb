using TrainingOrchestration.Contracts.Model;

namespace TrainingOrchestration.Contracts.Reading;

/// <summary>
/// One column of a <see cref="CsvRowBatch"/> coerced at once into a states vector and a numbers vector: the null test
/// (empty field or a null text) and <see cref="CellCoercion"/>'s method for the column's type, picked once per column
/// instead of per cell, with the same results as <see cref="CsvTableReader.Read"/> cell by cell.
/// </summary>
internal static class CsvColumnCoercion
{
    /// <summary>
    /// Coerces field <paramref name="field"/> of each of the batch's <paramref name="rows"/> (indices in the batch);
    /// returns how many cells are invalid. Null and invalid cells get NaN, as <see cref="CellCoercion.Coerce"/> gives them.
    /// </summary>
    public static int Coerce(CsvTableReader reader, CsvRowBatch batch, int field, ColumnType type, ReadOnlySpan<int> rows,
        Span<CellState> states, Span<double> numbers) => type switch
    {
        ColumnType.String => Run<Texts>(reader, batch, field, rows, states, numbers),
        ColumnType.Integer => Run<Integers>(reader, batch, field, rows, states, numbers),
        ColumnType.Decimal => Run<Decimals>(reader, batch, field, rows, states, numbers),
        ColumnType.Boolean => Run<Booleans>(reader, batch, field, rows, states, numbers),
        ColumnType.Timestamp => Run<Timestamps>(reader, batch, field, rows, states, numbers),
        ColumnType.Date => Run<Dates>(reader, batch, field, rows, states, numbers),
        _ => Run<Unknown>(reader, batch, field, rows, states, numbers),
    };

    /// <summary>The text of field <paramref name="field"/> of batch row <paramref name="row"/>.</summary>
    public static ReadOnlySpan<char> Text(CsvRowBatch batch, int row, int field)
    {
        var (start, length) = batch.Fields[batch.RowFirstField[row] + field];
        return new ReadOnlySpan<char>(batch.Chars, start, length);
    }

    private static int Run<T>(CsvTableReader reader, CsvRowBatch batch, int field, ReadOnlySpan<int> rows, Span<CellState> states, Span<double> numbers)
        where T : struct, ICoercion
    {
        var chars = batch.Chars;
        var fields = batch.Fields;
        var firstFields = batch.RowFirstField;
        var nullTexts = reader.HasNullTexts;
        states = states[..rows.Length];
        numbers = numbers[..rows.Length];
        var invalid = 0;
        for (var i = 0; i < rows.Length; i++)
        {
            var (start, length) = fields[firstFields[rows[i]] + field];
            var text = new ReadOnlySpan<char>(chars, start, length);
            CellState state;
            if (text.IsEmpty || nullTexts && reader.IsNullText(text))
            {
                state = CellState.Null;
                numbers[i] = double.NaN;
            }
            else
            {
                state = T.Coerce(text, out numbers[i]);
                if (state == CellState.Invalid) invalid++;
            }
            states[i] = state;
        }
        return invalid;
    }

    // The type's coercion as a struct, so the JIT compiles Run once per type with the call inlined.
    private interface ICoercion
    {
        static abstract CellState Coerce(ReadOnlySpan<char> text, out double number);
    }

    private struct Texts : ICoercion
    {
        public static CellState Coerce(ReadOnlySpan<char> text, out double number) => CellCoercion.Coerce(text, ColumnType.String, out number);
    }

    private struct Integers : ICoercion
    {
        public static CellState Coerce(ReadOnlySpan<char> text, out double number) => CellCoercion.Integer(text, out number);
    }

    private struct Decimals : ICoercion
    {
        public static CellState Coerce(ReadOnlySpan<char> text, out double number) => CellCoercion.Decimal(text, out number);
    }

    private struct Booleans : ICoercion
    {
        public static CellState Coerce(ReadOnlySpan<char> text, out double number) => CellCoercion.Boolean(text, out number);
    }

    private struct Timestamps : ICoercion
    {
        public static CellState Coerce(ReadOnlySpan<char> text, out double number) => CellCoercion.Timestamp(text, out number);
    }

    private struct Dates : ICoercion
    {
        public static CellState Coerce(ReadOnlySpan<char> text, out double number) => CellCoercion.Date(text, out number);
    }

    /// <summary>A type <see cref="CellCoercion.Coerce"/> does not know: every present cell invalid, as it says.</summary>
    private struct Unknown : ICoercion
    {
        public static CellState Coerce(ReadOnlySpan<char> text, out double number)
        {
            number = double.NaN;
            return CellState.Invalid;
        }
    }
}
