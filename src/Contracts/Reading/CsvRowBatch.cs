namespace TrainingOrchestration.Contracts.Reading;

/// <summary>
/// A block of parsed CSV rows: their characters copied back to back (a row at once), and each field's start and length.
/// Filled by the read-ahead thread or by <see cref="CsvTableReader.ReadBatchAsync"/>, and validated a column at a time.
/// </summary>
internal sealed class CsvRowBatch
{
    public const int TargetChars = 1 << 17;

    public char[] Chars { get; private set; } = new char[TargetChars];
    public int Used { get; private set; }
    /// <summary>Per field, its start in <see cref="Chars"/> and its length side by side (one cache line for both).</summary>
    public CsvField[] Fields { get; private set; } = new CsvField[8192];
    public int FieldsUsed { get; private set; }
    /// <summary>Per row: index of its first field in <see cref="Fields"/>, and its field count.</summary>
    public int[] RowFirstField { get; private set; } = new int[1024];
    public int[] RowFieldCount { get; private set; } = new int[1024];
    public int Rows { get; private set; }

    public bool Full => Used >= TargetChars;

    public void Clear()
    {
        Used = 0;
        FieldsUsed = 0;
        Rows = 0;
    }

    /// <summary>Copies the parser's current row into the batch.</summary>
    public void Add(CsvRowParser parser)
    {
        if (Rows == RowFirstField.Length)
        {
            RowFirstField = Grow(RowFirstField);
            RowFieldCount = Grow(RowFieldCount);
        }
        var fields = parser.FieldCount;
        while (FieldsUsed + fields > Fields.Length) Fields = Grow(Fields);
        RowFirstField[Rows] = FieldsUsed;
        RowFieldCount[Rows] = fields;
        Rows++;
        var row = parser.RowChars;
        if (Used + row.Length > Chars.Length)
        {
            var bigger = new char[Math.Max(Chars.Length * 2, Used + row.Length)];
            Chars.AsSpan(0, Used).CopyTo(bigger);
            Chars = bigger;
        }
        row.CopyTo(Chars.AsSpan(Used));
        var target = Fields.AsSpan(FieldsUsed, fields);
        var starts = parser.FieldStarts[..target.Length];
        var lengths = parser.FieldLengths[..target.Length];
        for (var i = 0; i < target.Length; i++) target[i] = new CsvField(Used + starts[i], lengths[i]);
        FieldsUsed += fields;
        Used += row.Length;
    }

    private static T[] Grow<T>(T[] array)
    {
        var bigger = new T[array.Length * 2];
        array.CopyTo(bigger, 0);
        return bigger;
    }
}

/// <summary>A field of a <see cref="CsvRowBatch"/>: where its characters start and how many there are.</summary>
internal readonly record struct CsvField(int Start, int Length);
