using System.Text;
using TrainingOrchestration.Contracts.Model;
using TrainingOrchestration.Contracts.Reading;
using TrainingOrchestration.Contracts.Tests.Support;

namespace TrainingOrchestration.Contracts.Tests.Reading;

public class CsvTableReaderTests
{
    private static async Task<List<string[]>> ReadAll(byte[] bytes, int chunk = 1 << 20, int bufferChars = 128 * 1024, bool readAhead = false)
    {
        await using var reader = CsvTableReader.Open(new TrickleStream(bytes, chunk), [], bufferChars, readAhead);
        var rows = new List<string[]> { reader.Columns.ToArray() };
        while (await reader.ReadAsync())
        {
            rows.Add(Enumerable.Range(0, reader.FieldCount).Select(reader.Describe).ToArray());
        }
        return rows;
    }

    [Fact]
    public async Task Quoted_fields_keep_commas_escaped_quotes_and_line_breaks()
    {
        var csv = "id,note\n1,\"a, b\"\n2,\"say \"\"hi\"\"\"\n3,\"line one\nline two\"\n";

        var rows = await ReadAll(Encoding.UTF8.GetBytes(csv));

        Assert.Equal(["id", "note"], rows[0]);
        Assert.Equal(["1", "a, b"], rows[1]);
        Assert.Equal(["2", "say \"hi\""], rows[2]);
        Assert.Equal(["3", "line one\nline two"], rows[3]);
    }

    [Fact]
    public async Task A_byte_order_mark_and_crlf_line_ends_are_not_part_of_the_data()
    {
        var bytes = Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes("id,name\r\n1,ann\r\n2,\"b\r\nob\"\r\n")).ToArray();

        var rows = await ReadAll(bytes);

        Assert.Equal(["id", "name"], rows[0]);
        Assert.Equal(["1", "ann"], rows[1]);
        Assert.Equal(["2", "b\r\nob"], rows[2]);
        Assert.Equal(3, rows.Count);
    }

    [Fact]
    public async Task A_last_row_without_a_line_break_and_empty_fields_are_read()
    {
        var rows = await ReadAll(Encoding.UTF8.GetBytes("a,b,c\n,,\n1,,3"));

        Assert.Equal(["", "", ""], rows[1]);
        Assert.Equal(["1", "", "3"], rows[2]);
    }

    [Theory]
    [InlineData(1, 16, false)]
    [InlineData(3, 16, false)]
    [InlineData(7, 32, false)]
    [InlineData(64, 16, false)]
    [InlineData(7, 32, true)]
    public async Task Buffer_and_read_boundaries_anywhere_even_inside_quotes_change_nothing(int chunk, int bufferChars, bool readAhead)
    {
        var builder = new StringBuilder("id,text,value\r\n");
        for (var i = 0; i < 200; i++)
        {
            builder.Append(i).Append(",\"quoted, \"\"with\"\" a\r\nbreak ").Append(new string('x', i % 40)).Append("\",").Append(i * 1.5).Append("\r\n");
        }
        var bytes = Encoding.UTF8.GetBytes(builder.ToString());
        var expected = await ReadAll(bytes);

        var actual = await ReadAll(bytes, chunk, bufferChars, readAhead);

        Assert.Equal(201, expected.Count);
        Assert.Equal(expected, actual);
    }

    [Fact]
    public async Task Read_ahead_on_a_second_thread_yields_the_same_rows_across_many_batches()
    {
        var builder = new StringBuilder("id,text\n");
        for (var i = 0; i < 50_000; i++) builder.Append(i).Append(",\"row ").Append(i).Append("\nline two\"\n");
        var bytes = Encoding.UTF8.GetBytes(builder.ToString());

        var direct = await ReadAll(bytes);
        var ahead = await ReadAll(bytes, chunk: 4096, readAhead: true);

        Assert.Equal(50_001, ahead.Count);
        Assert.Equal(direct, ahead);
    }

    [Fact]
    public async Task Multibyte_characters_split_across_reads_decode_correctly()
    {
        var bytes = Encoding.UTF8.GetBytes("name\nZoë Ångström 日本\n");

        var rows = await ReadAll(bytes, chunk: 1, bufferChars: 16);

        Assert.Equal("Zoë Ångström 日本", rows[1][0]);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task An_unterminated_quote_is_a_format_error_naming_the_row(bool readAhead)
    {
        var bytes = Encoding.UTF8.GetBytes("id,text\n1,ok\n2,\"never closed\n");

        var error = await Assert.ThrowsAsync<CsvFormatException>(() => ReadAll(bytes, readAhead: readAhead));

        Assert.Equal(2, error.Row);
    }

    [Fact]
    public async Task Empty_and_null_texts_read_as_null_and_values_coerce_to_the_column_type()
    {
        await using var reader = CsvTableReader.Open(new MemoryStream(Encoding.UTF8.GetBytes("a,b,c\n,NA,12\n")), ["NA"]);
        Assert.True(await reader.ReadAsync());

        Assert.Equal(CellState.Null, reader.Read(0, ColumnType.Integer, out _, out _));
        Assert.Equal(CellState.Null, reader.Read(1, ColumnType.String, out _, out _));
        Assert.Equal(CellState.Value, reader.Read(2, ColumnType.Integer, out var number, out _));
        Assert.Equal(12, number);
    }

    /// <summary>
    /// The parser finds delimiters and line breaks 64 characters at a time (a bit mask): fields of every length from
    /// empty to past two windows, boundaries on and around the 64-character edges, quoted fields between unquoted ones,
    /// LF and CRLF, a tab or semicolon delimiter, and characters whose low byte is a delimiter (U+012C, U+0A0A, U+0D3B)
    /// must come back exactly as written, whatever the buffer size.
    /// </summary>
    [Theory]
    [InlineData(',', 16)]
    [InlineData(',', 100)]
    [InlineData(',', 128 * 1024)]
    [InlineData(';', 77)]
    [InlineData('\t', 128 * 1024)]
    public async Task Fields_of_any_length_come_back_exactly_across_scan_windows(char delimiter, int bufferChars)
    {
        var random = new Random(15);
        var alphabet = "abcXYZ019 .-\u012C\u0A0A\u0D3B\u00E9";
        List<string[]> rows = [["a", "b", "c", "d"]];
        for (var r = 0; r < 400; r++)
        {
            rows.Add(Enumerable.Range(0, 4).Select(_ =>
            {
                var length = random.Next(4) == 0 ? random.Next(60, 140) : random.Next(0, 9);
                var text = new string(Enumerable.Range(0, length).Select(_ => alphabet[random.Next(alphabet.Length)]).ToArray());
                return random.Next(10) == 0 ? text + delimiter + "\"q\"\n" : text;
            }).ToArray());
        }
        var csv = new StringBuilder();
        foreach (var row in rows)
        {
            csv.AppendJoin(delimiter, row.Select(f => f.IndexOfAny([delimiter, '"', '\n']) >= 0 ? "\"" + f.Replace("\"", "\"\"") + "\"" : f));
            csv.Append(rows.IndexOf(row) % 2 == 0 ? "\r\n" : "\n");
        }
        var dialect = new CsvDialect(delimiter, '"');

        await using var reader = CsvTableReader.Open(new TrickleStream(Encoding.UTF8.GetBytes(csv.ToString()), 1000), [], bufferChars, dialect: dialect);
        var read = new List<string[]> { reader.Columns.ToArray() };
        while (await reader.ReadAsync()) read.Add(Enumerable.Range(0, reader.FieldCount).Select(reader.Describe).ToArray());

        Assert.Equal(rows.Count, read.Count);
        for (var r = 0; r < rows.Count; r++) Assert.Equal(rows[r], read[r]);
    }
}
