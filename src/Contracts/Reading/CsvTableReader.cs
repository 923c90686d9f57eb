using System.Runtime.CompilerServices;
using System.Runtime.ExceptionServices;
using TrainingOrchestration.Contracts.Model;

namespace TrainingOrchestration.Contracts.Reading;

/// <summary>
/// A CSV file with a header row, read with <see cref="CsvRowParser"/>. A field is null when it is empty or equals
/// one of the contract's null texts; otherwise it is coerced by <see cref="CellCoercion"/>. With read-ahead, parsing
/// runs on a second thread (<see cref="CsvReadAhead"/>) and rows arrive in bounded batches.
/// </summary>
public sealed class CsvTableReader : TableReader
{
    private readonly CsvRowParser parser;
    private readonly Stream stream;
    private readonly string[] nullValues;
    private readonly CsvReadAhead? readAhead;
    private CsvRowBatch? batch;
    private CsvRowBatch? ownBatch;
    private ExceptionDispatchInfo? pendingError;
    private int batchRow = -1;
    private int firstField;
    private int fieldCount;

    private CsvTableReader(Stream stream, CsvRowParser parser, string[] columns, string[] nullValues, bool readAhead)
    {
        this.stream = stream;
        this.parser = parser;
        Columns = columns;
        this.nullValues = nullValues.Where(v => v.Length > 0).ToArray();
        if (readAhead) this.readAhead = new CsvReadAhead(parser);
    }

    public override IReadOnlyList<string> Columns { get; }

    public override int FieldCount => batch is null ? parser.FieldCount : fieldCount;

    /// <summary>The contract's null texts other than the empty field (the common case has none).</summary>
    internal bool HasNullTexts => nullValues.Length > 0;

    /// <summary>Opens the file and reads its header; the reader owns <paramref name="stream"/> from here on.</summary>
    /// <param name="readAhead">Parse on a second thread (worth it for large files on more than one core).</param>
    /// <param name="dialect">The declared delimiter and quote (default RFC 4180).</param>
    public static CsvTableReader Open(Stream stream, IReadOnlyList<string> nullValues, int bufferChars = 128 * 1024, bool readAhead = false,
        CsvDialect? dialect = null)
    {
        var parser = new CsvRowParser(stream, bufferChars, dialect: dialect);
        try
        {
            if (!parser.ReadRow())
            {
                return new CsvTableReader(stream, parser, [], [.. nullValues], false);
            }
            var header = new string[parser.FieldCount];
            for (var i = 0; i < header.Length; i++) header[i] = parser.Field(i).ToString();
            return new CsvTableReader(stream, parser, header, [.. nullValues], readAhead);
        }
        catch
        {
            parser.Dispose();
            stream.Dispose();
            throw;
        }
    }

    /// <summary>
    /// A chunk of a file that starts at a row boundary after the header (see <see cref="CsvChunks"/>): no header of its
    /// own, so <paramref name="columns"/> are the file's; rows are numbered from the chunk's start.
    /// </summary>
    internal static CsvTableReader OpenChunk(Stream stream, IReadOnlyList<string> columns, IReadOnlyList<string> nullValues, CsvDialect dialect) =>
        new(stream, new CsvRowParser(stream, atFileStart: false, dialect: dialect), [.. columns], [.. nullValues], false);

    public override ValueTask<bool> ReadAsync(CancellationToken cancellationToken = default)
    {
        if (readAhead is null) return new(parser.ReadRow());
        if (batch is not null && ++batchRow < batch.Rows)
        {
            firstField = batch.RowFirstField[batchRow];
            fieldCount = batch.RowFieldCount[batchRow];
            return new(true);
        }
        return NextBatchAsync(cancellationToken);
    }

    private async ValueTask<bool> NextBatchAsync(CancellationToken cancellationToken)
    {
        batch = await readAhead!.NextAsync(batch, cancellationToken).ConfigureAwait(false);
        if (batch is null) return false;
        batchRow = 0;
        firstField = batch.RowFirstField[0];
        fieldCount = batch.RowFieldCount[0];
        return true;
    }

    /// <summary>
    /// The next block of rows, for validation a column at a time (instead of <see cref="ReadAsync"/>; the two are not
    /// mixed), or null at the end: from the read-ahead thread, or parsed here. Rows parsed before a format error are
    /// handed out first and the error is raised by the next call, so they are validated as row by row.
    /// </summary>
    internal ValueTask<CsvRowBatch?> ReadBatchAsync(CancellationToken cancellationToken = default)
    {
        if (readAhead is not null) return NextReadAheadBatchAsync(cancellationToken);
        pendingError?.Throw();
        ownBatch ??= new CsvRowBatch();
        batch = Fill(ownBatch) ? ownBatch : null;
        return new(batch);
    }

    /// <summary>Parses rows into <paramref name="target"/> until it is full (a method of its own, so it is compiled apart from the caller's loop).</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private bool Fill(CsvRowBatch target)
    {
        target.Clear();
        try
        {
            while (!target.Full && parser.ReadRow()) target.Add(parser);
        }
        catch (CsvFormatException e) when (target.Rows > 0)
        {
            pendingError = ExceptionDispatchInfo.Capture(e);
        }
        return target.Rows > 0;
    }

    private async ValueTask<CsvRowBatch?> NextReadAheadBatchAsync(CancellationToken cancellationToken) =>
        batch = await readAhead!.NextAsync(batch, cancellationToken).ConfigureAwait(false);

    /// <summary>Makes row <paramref name="row"/> of the current batch the current row (for <see cref="RawText"/> and <see cref="Describe"/>).</summary>
    internal void MoveTo(int row)
    {
        firstField = batch!.RowFirstField[row];
        fieldCount = batch.RowFieldCount[row];
    }

    private ReadOnlySpan<char> Field(int index) => batch is null ? parser.Field(index) : BatchField(index);

    private ReadOnlySpan<char> BatchField(int index)
    {
        var field = batch!.Fields[firstField + index];
        return batch.Chars.AsSpan(field.Start, field.Length);
    }

    public override CellState Read(int index, ColumnType type, out double number, out ReadOnlySpan<char> text)
    {
        text = Field(index);
        if (text.IsEmpty || IsNullText(text))
        {
            number = double.NaN;
            return CellState.Null;
        }
        return CellCoercion.Coerce(text, type, out number);
    }

    public override ReadOnlySpan<char> RawText(int index) => Field(index);

    public override string Describe(int index) => Field(index).ToString();

    /// <summary>True when the non-empty <paramref name="text"/> is one of the contract's null texts.</summary>
    internal bool IsNullText(ReadOnlySpan<char> text)
    {
        foreach (var value in nullValues)
        {
            if (text.SequenceEqual(value)) return true;
        }
        return false;
    }

    public override async ValueTask DisposeAsync()
    {
        if (readAhead is not null) await readAhead.DisposeAsync().ConfigureAwait(false);
        parser.Dispose();
        await stream.DisposeAsync().ConfigureAwait(false);
    }
}
