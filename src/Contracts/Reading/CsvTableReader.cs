using TrainingOrchestration.Contracts.Model;

namespace TrainingOrchestration.Contracts.Reading;

/// <summary>
/// A CSV file with a header row, read with <see cref="CsvRowParser"/>. A field is null when it is empty or equals
/// one of the contract's null texts; otherwise it is coerced by <see cref="CellCoercion"/>.
/// </summary>
public sealed class CsvTableReader : TableReader
{
    private readonly CsvRowParser parser;
    private readonly Stream stream;
    private readonly string[] nullValues;

    private CsvTableReader(Stream stream, CsvRowParser parser, string[] columns, string[] nullValues)
    {
        this.stream = stream;
        this.parser = parser;
        Columns = columns;
        this.nullValues = nullValues.Where(v => v.Length > 0).ToArray();
    }

    public override IReadOnlyList<string> Columns { get; }

    public override int FieldCount => parser.FieldCount;

    /// <summary>Opens the file and reads its header; the reader owns <paramref name="stream"/> from here on.</summary>
    public static CsvTableReader Open(Stream stream, IReadOnlyList<string> nullValues, int bufferChars = 128 * 1024)
    {
        var parser = new CsvRowParser(stream, bufferChars);
        if (!parser.ReadRow())
        {
            return new CsvTableReader(stream, parser, [], [.. nullValues]);
        }
        var header = new string[parser.FieldCount];
        for (var i = 0; i < header.Length; i++) header[i] = parser.Field(i).ToString();
        return new CsvTableReader(stream, parser, header, [.. nullValues]);
    }

    public override ValueTask<bool> ReadAsync(CancellationToken cancellationToken = default) => new(parser.ReadRow());

    public override CellState Read(int index, ColumnType type, out double number, out ReadOnlySpan<char> text)
    {
        text = parser.Field(index);
        if (text.IsEmpty || IsNullText(text))
        {
            number = double.NaN;
            return CellState.Null;
        }
        return CellCoercion.Coerce(text, type, out number);
    }

    public override ReadOnlySpan<char> RawText(int index) => parser.Field(index);

    public override string Describe(int index) => parser.Field(index).ToString();

    private bool IsNullText(ReadOnlySpan<char> text)
    {
        foreach (var value in nullValues)
        {
            if (text.SequenceEqual(value)) return true;
        }
        return false;
    }

    public override ValueTask DisposeAsync()
    {
        parser.Dispose();
        return stream.DisposeAsync();
    }
}
