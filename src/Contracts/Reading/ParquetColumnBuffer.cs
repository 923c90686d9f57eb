using Parquet;
using Parquet.Schema;

namespace TrainingOrchestration.Contracts.Reading;

/// <summary>
/// One column of the current row group, as numbers (with a null mask) or as texts, in arrays reused from one row group
/// to the next. Both are read with Parquet.Net's raw API (packed non-null values plus definition levels): its
/// <c>ReadAsync</c> for strings makes a new string per value, and for nullable numbers a nullable copy of the column.
/// Raw, a text value is a <see cref="ReadOnlyMemory{T}"/> slice: dictionary-encoded columns (most text columns) share
/// the dictionary's characters, so a row group's texts cost no allocation per value.
/// </summary>
internal sealed class ParquetColumnBuffer(DataField field)
{
    public bool IsText { get; } = field.ClrType == typeof(string) || field.ClrType == typeof(ReadOnlyMemory<char>);
    public bool IsTemporal { get; } = field.ClrType == typeof(DateTime) || field.ClrType == typeof(DateTimeOffset) || field.ClrType == typeof(DateOnly);
    public ReadOnlyMemory<char>[] Texts { get; private set; } = [];
    public double[] Numbers { get; private set; } = [];
    public bool[] Nulls { get; private set; } = [];
    private int[] levels = [];
    private Array? scratch;

    public async Task LoadAsync(ParquetRowGroupReader group, int rows, CancellationToken cancellationToken)
    {
        if (Nulls.Length < rows) Nulls = new bool[rows];
        if (field.MaxDefinitionLevel > 0 && levels.Length < rows) levels = new int[rows];
        if (IsText)
        {
            if (Texts.Length < rows) Texts = new ReadOnlyMemory<char>[rows];
            await ReadRawAsync(group, Texts, rows, cancellationToken).ConfigureAwait(false);
            Spread(Texts, rows);
            return;
        }
        if (Numbers.Length < rows) Numbers = new double[rows];
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
        Texts = [];
        Numbers = [];
        Nulls = [];
        levels = [];
        scratch = null;
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

    /// <summary>Moves the packed texts to their rows (from the back, so nothing is overwritten before it moves).</summary>
    private void Spread(ReadOnlyMemory<char>[] texts, int rows)
    {
        var nulls = Nulls;
        var present = 0;
        for (var i = 0; i < rows; i++) if (!nulls[i]) present++;
        if (present == rows) return;
        var next = present - 1;
        for (var i = rows - 1; i >= 0; i--) texts[i] = nulls[i] ? default : texts[next--];
    }
}
