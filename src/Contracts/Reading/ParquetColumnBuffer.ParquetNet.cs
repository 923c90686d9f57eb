using Parquet;

namespace TrainingOrchestration.Contracts.Reading;

/// <summary>
/// The fallback: a column read with Parquet.Net's raw API (packed non-null values plus definition levels; its
/// <c>ReadAsync</c> for strings makes a new string per value, and for nullable numbers a nullable copy of the column).
/// Texts come back as <see cref="ReadOnlyMemory{T}"/> slices and are copied into the char buffer.
/// </summary>
internal sealed partial class ParquetColumnBuffer
{
    private ReadOnlyMemory<char>[] texts = [];

    private async Task LoadWithParquetNetAsync(ParquetRowGroupReader group, int rows, CancellationToken cancellationToken)
    {
        Prepare(rows);
        PreparePlain(rows);
        if (field.MaxDefinitionLevel > 0 && levels.Length < rows) levels = new int[rows];
        if (IsText)
        {
            if (texts.Length < rows) texts = new ReadOnlyMemory<char>[rows];
            await ReadRawAsync(group, texts, rows, cancellationToken).ConfigureAwait(false);
            CopyTexts(rows);
            return;
        }
        var type = field.ClrType;
        if (type == typeof(int)) await LoadAsync<int>(group, rows, v => v, cancellationToken).ConfigureAwait(false);
        else if (type == typeof(long)) await LoadAsync<long>(group, rows, v => v, cancellationToken).ConfigureAwait(false);
        else if (type == typeof(short)) await LoadAsync<short>(group, rows, v => v, cancellationToken).ConfigureAwait(false);
        else if (type == typeof(byte)) await LoadAsync<byte>(group, rows, v => v, cancellationToken).ConfigureAwait(false);
        else if (type == typeof(sbyte)) await LoadAsync<sbyte>(group, rows, v => v, cancellationToken).ConfigureAwait(false);
        else if (type == typeof(uint)) await LoadAsync<uint>(group, rows, v => v, cancellationToken).ConfigureAwait(false);
        else if (type == typeof(ulong)) await LoadAsync<ulong>(group, rows, v => v, cancellationToken).ConfigureAwait(false);
        else if (type == typeof(ushort)) await LoadAsync<ushort>(group, rows, v => v, cancellationToken).ConfigureAwait(false);
        else if (type == typeof(float)) await LoadAsync<float>(group, rows, v => v, cancellationToken).ConfigureAwait(false);
        else if (type == typeof(double)) await LoadAsync<double>(group, rows, v => v, cancellationToken).ConfigureAwait(false);
        else if (type == typeof(decimal)) await LoadAsync<decimal>(group, rows, v => (double)v, cancellationToken).ConfigureAwait(false);
        else if (type == typeof(bool)) await LoadAsync<bool>(group, rows, v => v ? 1 : 0, cancellationToken).ConfigureAwait(false);
        else if (type == typeof(DateTime)) await LoadAsync<DateTime>(group, rows, v => new DateTimeOffset(DateTime.SpecifyKind(v, DateTimeKind.Utc)).ToUnixTimeMilliseconds(), cancellationToken).ConfigureAwait(false);
        else if (type == typeof(DateTimeOffset)) await LoadAsync<DateTimeOffset>(group, rows, v => v.ToUnixTimeMilliseconds(), cancellationToken).ConfigureAwait(false);
        else if (type == typeof(DateOnly)) await LoadAsync<DateOnly>(group, rows, v => new DateTimeOffset(v.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero).ToUnixTimeMilliseconds(), cancellationToken).ConfigureAwait(false);
        else throw new NotSupportedException($"Parquet column '{field.Name}' has type {type.Name}, which contracts do not read");
    }

    private async Task LoadAsync<T>(ParquetRowGroupReader group, int rows, Func<T, double> convert, CancellationToken cancellationToken)
        where T : struct
    {
        // Reused across row groups: a fresh array per group and column would land on the large object heap each time.
        var values = scratch as T[] is { } kept && kept.Length >= rows ? kept : new T[rows];
        scratch = values;
        await ReadRawAsync(group, values, rows, cancellationToken).ConfigureAwait(false);
        var numbers = Numbers;
        var nulls = Nulls;
        var next = 0;
        for (var i = 0; i < rows; i++)
        {
            if (nulls[i]) numbers[i] = double.NaN;
            else numbers[i] = convert(values[next++]);
        }
    }

    /// <summary>
    /// Drops the row group's arrays (tens of MB per reader). A scan's state keeps its last reader reachable until the
    /// validation completes, and the uniqueness check's end phase needs that memory.
    /// </summary>
    public void Release()
    {
        Chars = [];
        Starts = [];
        Lengths = [];
        Numbers = [];
        Refs = [];
        EntryStarts = [];
        EntryLengths = [];
        EntryNumbers = [];
        Nulls = [];
        levels = [];
        texts = [];
        scratch = null;
        decoder?.Release();
    }

    /// <summary>Reads the packed non-null values and marks the null rows (definition level below the maximum).</summary>
    private async Task ReadRawAsync<T>(ParquetRowGroupReader group, T[] values, int rows, CancellationToken cancellationToken) where T : struct
    {
        var max = field.MaxDefinitionLevel;
        Memory<int>? definitions = max > 0 ? levels.AsMemory(0, rows) : null;
        await group.ReadRawAsync(field, values.AsMemory(0, rows), definitions, null, cancellationToken).ConfigureAwait(false);
        var nulls = Nulls;
        if (max == 0)
        {
            Array.Clear(nulls, 0, rows);
            return;
        }
        for (var i = 0; i < rows; i++) nulls[i] = levels[i] < max;
    }

    /// <summary>The packed texts copied to their rows' places in the char buffer (nulls empty).</summary>
    private void CopyTexts(int rows)
    {
        var used = 0;
        var next = 0;
        for (var i = 0; i < rows; i++)
        {
            if (Nulls[i]) { Starts[i] = 0; Lengths[i] = 0; continue; }
            var text = texts[next++].Span;
            var chars = ReserveChars(used, text.Length);
            text.CopyTo(chars.AsSpan(used));
            Starts[i] = used;
            Lengths[i] = text.Length;
            used += text.Length;
        }
        Array.Clear(texts, 0, next);
    }
}
