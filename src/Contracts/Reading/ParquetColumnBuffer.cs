using Parquet;
using Parquet.Schema;
using TrainingOrchestration.Contracts.Reading.Parquet;

namespace TrainingOrchestration.Contracts.Reading;

/// <summary>
/// One column of the current row group, as numbers (with a null mask) or as texts (UTF-16 in one char buffer, a start
/// and length per row; a null is empty), in arrays reused from one row group to the next. Flat columns of the common
/// physical types are decoded by <see cref="ColumnChunkDecoder"/> (no object per value, a dictionary's entries decoded
/// once); any other column, or a chunk it cannot read (an encoding or codec it does not implement), goes through
/// Parquet.Net's raw API (packed non-null values plus definition levels), which gives the same values.
/// </summary>
internal sealed partial class ParquetColumnBuffer
{
    private readonly DataField field;
    private readonly ColumnChunkDecoder? decoder;
    private int[] levels = [];
    private Array? scratch;

    public ParquetColumnBuffer(DataField field, DecoderScratch scratch)
    {
        this.field = field;
        IsText = field.ClrType == typeof(string) || field.ClrType == typeof(ReadOnlyMemory<char>);
        IsTemporal = field.ClrType == typeof(DateTime) || field.ClrType == typeof(DateTimeOffset) || field.ClrType == typeof(DateOnly);
        decoder = ColumnChunkDecoder.For(field, this, scratch);
    }

    public bool IsText { get; }
    public bool IsTemporal { get; }
    public char[] Chars { get; private set; } = [];
    public bool[] Nulls { get; private set; } = [];

    /// <summary>Plain rows: each row's text (start and length in <see cref="Chars"/>; null empty) or number (null NaN).</summary>
    public int[] Starts { get; private set; } = [];
    public int[] Lengths { get; private set; } = [];
    public double[] Numbers { get; private set; } = [];

    /// <summary>
    /// True when the row group's chunk is dictionary-encoded throughout: each row is then <see cref="Refs"/>, an index
    /// into the entries (<see cref="EntryStarts"/>/<see cref="EntryLengths"/> or <see cref="EntryNumbers"/>), 4 bytes a
    /// row instead of 8, and equal references are equal values. Entry <see cref="EntryCount"/> is a null (empty, NaN).
    /// </summary>
    public bool IsDictionary { get; set; }
    public int[] Refs { get; private set; } = [];
    public int EntryCount { get; private set; }
    public int[] EntryStarts { get; private set; } = [];
    public int[] EntryLengths { get; private set; } = [];
    public double[] EntryNumbers { get; private set; } = [];

    /// <summary>Chunks read by the fallback (Parquet.Net) path, for tests that prove both paths agree.</summary>
    public int FallbackReads { get; private set; }

    /// <summary>Why the last chunk went to Parquet.Net (for tests and diagnostics).</summary>
    public string? FallbackReason { get; private set; }

    public ReadOnlySpan<char> Text(int row)
    {
        if (!IsDictionary) return Chars.AsSpan(Starts[row], Lengths[row]);
        var entry = Refs[row];
        return Chars.AsSpan(EntryStarts[entry], EntryLengths[entry]);
    }

    public double Number(int row) => IsDictionary ? EntryNumbers[Refs[row]] : Numbers[row];

    /// <summary>Sizes the null mask for a row group of <paramref name="rows"/> rows (see <see cref="Grown"/>).</summary>
    public void Prepare(int rows)
    {
        if (Nulls.Length < rows) Nulls = new bool[Grown(rows)];
    }

    /// <summary>Sizes the plain rows' arrays (texts or numbers).</summary>
    public void PreparePlain(int rows)
    {
        if (IsText)
        {
            if (Starts.Length < rows) { Starts = new int[Grown(rows)]; Lengths = new int[Starts.Length]; }
        }
        else if (Numbers.Length < rows) Numbers = new double[Grown(rows)];
    }

    /// <summary>Sizes the references for dictionary-encoded rows.</summary>
    public void PrepareDictionary(int rows)
    {
        if (Refs.Length < rows) Refs = new int[Grown(rows)];
    }

    /// <summary>Room for <paramref name="count"/> dictionary entries and the null entry after them.</summary>
    public void PrepareEntries(int count)
    {
        EntryCount = count;
        if (IsText)
        {
            if (EntryStarts.Length <= count) { EntryStarts = new int[Grown(count + 1)]; EntryLengths = new int[EntryStarts.Length]; }
            EntryStarts[count] = 0;
            EntryLengths[count] = 0;
        }
        else
        {
            if (EntryNumbers.Length <= count) EntryNumbers = new double[Grown(count + 1)];
            EntryNumbers[count] = double.NaN;
        }
    }

    /// <summary>
    /// A size for an array that must hold <paramref name="needed"/> items, with a sixteenth to spare: DuckDB's row groups
    /// differ in size by a few rows, and exact sizes would reallocate every array at each larger group.
    /// </summary>
    public static int Grown(int needed) => needed + needed / 16;

    /// <summary>The char buffer with room for <paramref name="extra"/> more chars after <paramref name="used"/> (kept contents).</summary>
    public char[] ReserveChars(int used, int extra)
    {
        var needed = checked(used + extra);
        if (Chars.Length < needed)
        {
            var grown = new char[Math.Max(needed, Chars.Length * 2)];
            Chars.AsSpan(0, used).CopyTo(grown);
            Chars = grown;
        }
        return Chars;
    }

    public async Task LoadAsync(ParquetRowGroupReader group, int column, Stream stream, int rows, bool useDecoder, CancellationToken cancellationToken)
    {
        if (decoder is not null && useDecoder)
        {
            try
            {
                await decoder.DecodeAsync(stream, group.RowGroup.Columns[column], rows, cancellationToken).ConfigureAwait(false);
                return;
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                FallbackReason = $"{field.Name}: {e.GetType().Name}: {e.Message}";
                // Not a chunk this decoder reads (or not one it reads correctly): Parquet.Net reads it, or reports it, as before.
            }
        }
        FallbackReads++;
        IsDictionary = false;
        if (decoder is null) FallbackReason = $"{field.Name}: {field.ClrType.Name} (definition level {field.MaxDefinitionLevel}) is not decoded";
        await LoadWithParquetNetAsync(group, rows, cancellationToken).ConfigureAwait(false);
    }
}
