using Parquet;
using Parquet.Schema;

namespace TrainingOrchestration.Contracts.Reading;

/// <summary>One column of the current row group, as numbers (with a null mask) or as strings.</summary>
internal sealed class ParquetColumnBuffer(DataField field)
{
    public bool IsText { get; } = field.ClrType == typeof(string) || field.ClrType == typeof(ReadOnlyMemory<char>);
    public bool IsTemporal { get; } = field.ClrType == typeof(DateTime) || field.ClrType == typeof(DateTimeOffset) || field.ClrType == typeof(DateOnly);
    public string?[] Texts { get; private set; } = [];
    public double[] Numbers { get; private set; } = [];
    public bool[] Nulls { get; private set; } = [];
    private Array? scratch;

    public async Task LoadAsync(ParquetRowGroupReader group, int rows, CancellationToken cancellationToken)
    {
        if (IsText)
        {
            if (Texts.Length < rows) Texts = new string?[rows];
            await group.ReadAsync(field, Texts.AsMemory(0, rows), null, cancellationToken).ConfigureAwait(false);
            return;
        }
        if (Numbers.Length < rows)
        {
            Numbers = new double[rows];
            Nulls = new bool[rows];
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
        if (field.IsNullable)
        {
            // Reused across row groups: a fresh array per group and column would land on the large object heap each time.
            var values = scratch as T?[] is { } kept && kept.Length >= rows ? kept : new T?[rows];
            scratch = values;
            await group.ReadAsync(field, values.AsMemory(0, rows), null, cancellationToken).ConfigureAwait(false);
            for (var i = 0; i < rows; i++)
            {
                Nulls[i] = !values[i].HasValue;
                Numbers[i] = values[i].HasValue ? convert(values[i]!.Value) : double.NaN;
            }
        }
        else
        {
            var values = scratch as T[] is { } kept && kept.Length >= rows ? kept : new T[rows];
            scratch = values;
            await group.ReadAsync(field, values.AsMemory(0, rows), null, cancellationToken).ConfigureAwait(false);
            for (var i = 0; i < rows; i++)
            {
                Nulls[i] = false;
                Numbers[i] = convert(values[i]);
            }
        }
    }
}
