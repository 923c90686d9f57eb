using System.Globalization;
using Parquet;
using Parquet.Schema;
using TrainingOrchestration.Contracts.Model;
using TrainingOrchestration.Contracts.Reading.Parquet;

namespace TrainingOrchestration.Contracts.Reading;

/// <summary>
/// A Parquet file read one row group at a time (Parquet.Net), so memory is bounded by the largest row group, not
/// the file. Parquet needs random access to its footer: a non-seekable stream (an S3 body) is first spooled to a
/// temporary file, never to memory. Physical types map to logical ones as in <c>README.md</c>: any numeric type
/// is a decimal and, when integral, an integer; bool is a boolean; DateTime/DateTimeOffset/DateOnly are timestamps
/// and dates; strings are coerced as CSV text is.
/// </summary>
public sealed class ParquetTableReader : TableReader
{
    private readonly ParquetReader reader;
    private readonly Stream stream;
    private readonly string? spoolFile;
    private readonly DataField[] fields;
    private readonly ParquetColumnBuffer[] buffers;
    private readonly bool pageDecoder;
    private readonly DecoderScratch scratch = new();
    private int rowGroup = -1;
    private int lastRowGroup = int.MaxValue;
    private long rowsInGroup;
    private long row = -1;

    private ParquetTableReader(ParquetReader reader, Stream stream, string? spoolFile, bool pageDecoder)
    {
        this.reader = reader;
        fields = reader.Schema.GetDataFields();
        this.pageDecoder = pageDecoder && IsFlat(reader, fields);
        ColumnAtATime = pageDecoder;
        this.stream = stream;
        this.spoolFile = spoolFile;
        buffers = fields.Select(f => new ParquetColumnBuffer(f, scratch)).ToArray();
        Columns = fields.Select(f => f.Name).ToArray();
    }

    public override IReadOnlyList<string> Columns { get; }

    public override int FieldCount => fields.Length;

    /// <summary>Row groups in the file (the unit a parallel scan splits it by).</summary>
    public int RowGroupCount => reader.RowGroupCount;

    /// <summary>Restricts reading to row groups [<paramref name="first"/>, <paramref name="first"/> + <paramref name="count"/>), before the first read.</summary>
    internal void Restrict(int first, int count)
    {
        rowGroup = first - 1;
        lastRowGroup = first + count - 1;
    }

    /// <summary>Opens the file; <paramref name="pageDecoder"/> false reads every column with Parquet.Net (the reference path).</summary>
    public static async Task<ParquetTableReader> OpenAsync(Stream stream, CancellationToken cancellationToken = default, bool pageDecoder = true)
    {
        string? spool = null;
        if (!stream.CanSeek)
        {
            spool = Path.Combine(Path.GetTempPath(), $"contract-{Guid.NewGuid():N}.parquet");
            var file = new FileStream(spool, FileMode.Create, FileAccess.ReadWrite, FileShare.None, 1 << 16, FileOptions.DeleteOnClose);
            await using (stream.ConfigureAwait(false))
            {
                await stream.CopyToAsync(file, cancellationToken).ConfigureAwait(false);
            }
            file.Position = 0;
            stream = file;
        }
        try
        {
            var reader = await ParquetReader.CreateAsync(stream, null, false, cancellationToken).ConfigureAwait(false);
            return new ParquetTableReader(reader, stream, spool, pageDecoder);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            await stream.DisposeAsync().ConfigureAwait(false);
            throw new InvalidDataException($"not a readable Parquet file: {e.Message}", e);
        }
    }

    /// <summary>The next row: inside a row group a plain increment, without an async state machine (the per-row path).</summary>
    public override ValueTask<bool> ReadAsync(CancellationToken cancellationToken = default) =>
        ++row < rowsInGroup ? new ValueTask<bool>(true) : NextRowGroupAsync(cancellationToken);

    private async ValueTask<bool> NextRowGroupAsync(CancellationToken cancellationToken)
    {
        while (row >= rowsInGroup)
        {
            if (++rowGroup >= reader.RowGroupCount || rowGroup > lastRowGroup) return false;
            using var group = reader.OpenRowGroupReader(rowGroup);
            rowsInGroup = group.RowCount;
            row = 0;
            for (var c = 0; c < buffers.Length; c++)
            {
                await buffers[c].LoadAsync(group, c, stream, (int)rowsInGroup, pageDecoder, cancellationToken).ConfigureAwait(false);
            }
        }
        return true;
    }

    /// <summary>
    /// Column-at-a-time access for the scan (<see cref="Checks.ScanPlan.ObserveRowGroup"/>): skips the rest of the current
    /// row group and loads the next; its row count, or 0 at the end. Its cells are then read by row index
    /// (<see cref="ReadAt"/>), and <see cref="MoveTo"/> sets the row that <see cref="RawText"/> and <see cref="Describe"/> see.
    /// </summary>
    internal async ValueTask<int> ReadRowGroupAsync(CancellationToken cancellationToken)
    {
        row = rowsInGroup;
        return await NextRowGroupAsync(cancellationToken).ConfigureAwait(false) ? (int)rowsInGroup : 0;
    }

    /// <summary>Evaluate rules a column at a time over each row group (with the page decoder); false: row by row, as before it.</summary>
    internal bool ColumnAtATime { get; }

    internal void MoveTo(int rowInGroup) => row = rowInGroup;

    internal ParquetColumnBuffer Column(int index) => buffers[index];

    public override CellState Read(int index, ColumnType type, out double number, out ReadOnlySpan<char> text) =>
        ReadAt(buffers[index], (int)row, type, out number, out text);

    /// <summary>Row <paramref name="i"/> of the row group in <paramref name="buffer"/>, coerced to <paramref name="type"/>.</summary>
    internal static CellState ReadAt(ParquetColumnBuffer buffer, int i, ColumnType type, out double number, out ReadOnlySpan<char> text)
    {
        if (buffer.IsText)
        {
            text = buffer.Text(i);
            number = double.NaN;
            return text.IsEmpty ? CellState.Null : CellCoercion.Coerce(text, type, out number);
        }
        text = default;
        number = buffer.Number(i);
        if (buffer.Nulls[i]) return CellState.Null;
        return type switch
        {
            ColumnType.String => CellState.Value,
            ColumnType.Integer => number == Math.Floor(number) ? CellState.Value : CellState.Invalid,
            ColumnType.Boolean => number is 0 or 1 ? CellState.Value : CellState.Invalid,
            ColumnType.Timestamp or ColumnType.Date => buffer.IsTemporal ? CellState.Value : CellState.Invalid,
            _ => buffer.IsTemporal ? CellState.Invalid : CellState.Value,
        };
    }

    public override ReadOnlySpan<char> RawText(int index) => buffers[index].IsText ? buffers[index].Text((int)row) : default;

    public override string Describe(int index)
    {
        var buffer = buffers[index];
        var i = (int)row;
        if (buffer.IsText) return buffer.Text(i).ToString();
        if (buffer.Nulls[i]) return "";
        return buffer.IsTemporal
            ? CellCoercion.Format(buffer.Number(i), ColumnType.Timestamp)
            : buffer.Number(i).ToString("R", CultureInfo.InvariantCulture);
    }

    /// <summary>Column chunks read by Parquet.Net rather than the page decoder so far (tests check which path ran).</summary>
    internal int FallbackReads => buffers.Sum(b => b.FallbackReads);

    internal string FallbackReasons => string.Join("; ", buffers.Select(b => b.FallbackReason).OfType<string>());

    /// <summary>
    /// A flat schema (every column a leaf of the root, in column chunk order), the only kind the page decoder reads:
    /// column chunk <c>i</c> of a row group is then data field <c>i</c>.
    /// </summary>
    private static bool IsFlat(ParquetReader reader, DataField[] fields) =>
        reader.Metadata is { } meta && meta.Schema.Count == fields.Length + 1 && meta.Schema.Skip(1).All(e => (e.NumChildren ?? 0) == 0) &&
        meta.RowGroups.All(g => g.Columns.Count == fields.Length);

    public override async ValueTask DisposeAsync()
    {
        foreach (var buffer in buffers) buffer.Release();
        scratch.Release();
        await reader.DisposeAsync().ConfigureAwait(false);
        await stream.DisposeAsync().ConfigureAwait(false);
        if (spoolFile is not null && File.Exists(spoolFile)) File.Delete(spoolFile);
    }
}
