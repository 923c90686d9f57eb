using DuckDB.NET.Data;
using Parquet;
using TrainingOrchestration.Contracts.Model;
using TrainingOrchestration.Contracts.Reading;
using TrainingOrchestration.Contracts.Reading.Parquet;
using Encoding = Parquet.Meta.Encoding;

namespace TrainingOrchestration.Contracts.Tests.Reading;

/// <summary>
/// The page decoder against Parquet.Net (the reference path, <c>pageDecoder: false</c>): every cell of tables DuckDB
/// writes with nulls, empty and non-ASCII texts, dictionary and plain pages, several row groups and several pages per
/// column chunk, data pages v1 and v2, and each codec, must read the same, without falling back to Parquet.Net.
/// </summary>
public sealed class ParquetDecoderTests : IDisposable
{
    private readonly string temp = Directory.CreateTempSubdirectory("contract-parquet-").FullName;

    /// <summary>30,000 rows: a unique key (plain pages), low-cardinality texts (dictionary), int32, int64, double, float, boolean, nulls throughout.</summary>
    internal const string TableSql = """
        SELECT
          CASE WHEN i % 5001 = 7 THEN NULL ELSE 'C' || lpad(CAST(i AS VARCHAR), 9, '0') END AS id,
          CASE WHEN i % 97 = 0 THEN NULL WHEN i % 89 = 0 THEN '' WHEN i = 12345 THEN 'gold' WHEN i % 3 = 0 THEN 'pro' ELSE 'basic' END AS plan,
          CASE WHEN i % 101 = 0 THEN NULL WHEN i = 12346 THEN 999 ELSE CAST(i % 80 AS INTEGER) END AS tenure,
          CASE WHEN i % 103 = 0 THEN NULL ELSE CAST(i * 0.37 AS DOUBLE) END AS charges,
          CAST(i AS BIGINT) * 1000003 - 7 AS big,
          CASE WHEN i % 211 = 0 THEN NULL ELSE i % 7 = 0 END AS flag,
          CAST(i % 13 AS FLOAT) / 4 AS ratio,
          'é' || CAST(i % 50 AS VARCHAR) || '✓' AS word
        FROM range(0, 30000) t(i)
        """;

    internal static string Table(int rows) => TableSql.Replace("range(0, 30000)", $"range(0, {rows})");

    internal static string Write(string directory, string name, string options, string sql = TableSql)
    {
        var path = Path.Combine(directory, name);
        using var connection = new DuckDBConnection("Data Source=:memory:");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = $"COPY ({sql}) TO '{path}' (FORMAT parquet{options})";
        command.ExecuteNonQuery();
        return path;
    }

    [Theory]
    [InlineData("default", "")]
    [InlineData("small-groups", ", ROW_GROUP_SIZE 2048")]
    [InlineData("v2-zstd", ", ROW_GROUP_SIZE 10000, PARQUET_VERSION V2, COMPRESSION zstd")]
    [InlineData("gzip", ", ROW_GROUP_SIZE 10000, COMPRESSION gzip")]
    [InlineData("uncompressed-v2", ", PARQUET_VERSION V2, COMPRESSION uncompressed")]
    [InlineData("large-groups", ", ROW_GROUP_SIZE 200000", 400000)]
    public async Task Every_cell_reads_as_parquet_net_reads_it(string name, string options, int rowCount = 30000)
    {
        var path = Write(temp, name + ".parquet", options, Table(rowCount));
        var types = new[] { ColumnType.String, ColumnType.String, ColumnType.Integer, ColumnType.Decimal, ColumnType.Integer, ColumnType.Boolean, ColumnType.Decimal, ColumnType.String };

        await using var decoded = await ParquetTableReader.OpenAsync(File.OpenRead(path));
        await using var reference = await ParquetTableReader.OpenAsync(File.OpenRead(path), pageDecoder: false);
        var rows = 0;
        while (await decoded.ReadAsync())
        {
            Assert.True(await reference.ReadAsync());
            rows++;
            for (var c = 0; c < types.Length; c++)
            {
                var state = decoded.Read(c, types[c], out var number, out var text);
                var expected = reference.Read(c, types[c], out var expectedNumber, out var expectedText);
                Assert.Equal(expected, state);
                Assert.Equal(expectedNumber, number);
                Assert.Equal(expectedText.ToString(), text.ToString());
                Assert.Equal(reference.Describe(c), decoded.Describe(c));
            }
        }
        Assert.False(await reference.ReadAsync());
        Assert.Equal(rowCount, rows);
        // With data pages v2 DuckDB stores unique texts, integers and doubles as DELTA_LENGTH_BYTE_ARRAY (6),
        // DELTA_BINARY_PACKED (5) and BYTE_STREAM_SPLIT (9), which the decoder leaves to Parquet.Net.
        Assert.True(decoded.FallbackReads == 0 || options.Contains("V2") && decoded.FallbackReasons.Split("; ").All(r => r[^1] is '5' or '6' or '9'), decoded.FallbackReasons);
        Assert.True(reference.FallbackReads > 0);
    }

    [Fact]
    public async Task The_tables_hold_dictionary_and_plain_text_chunks_in_several_row_groups()
    {
        var path = Write(temp, "layout.parquet", ", ROW_GROUP_SIZE 200000", Table(400000));
        await using var stream = File.OpenRead(path);
        await using var reader = await ParquetReader.CreateAsync(stream);
        var chunks = reader.Metadata!.RowGroups.SelectMany(g => g.Columns).ToList();

        Assert.True(reader.RowGroupCount >= 2);
        Assert.Contains(chunks, c => c.MetaData!.PathInSchema[0] == "id" && !IsDictionary(c.MetaData));
        Assert.Contains(chunks, c => c.MetaData!.PathInSchema[0] == "plan" && IsDictionary(c.MetaData));
        // DuckDB starts a new page only past 100 MB uncompressed, so its chunks are one data page each: pages in
        // sequence are covered by HandMadeChunkTests.
        Assert.All(chunks, c => Assert.Equal(1, DataPages(stream, c.MetaData!)));
    }

    private static bool IsDictionary(Parquet.Meta.ColumnMetaData meta) =>
        meta.Encodings.Contains(Encoding.RLE_DICTIONARY) || meta.Encodings.Contains(Encoding.PLAIN_DICTIONARY);

    private static int DataPages(Stream stream, Parquet.Meta.ColumnMetaData meta)
    {
        var start = new[] { meta.DictionaryPageOffset ?? 0, meta.DataPageOffset }.Where(o => o > 0).Min();
        var bytes = new byte[meta.TotalCompressedSize];
        stream.Seek(start, SeekOrigin.Begin);
        stream.ReadExactly(bytes);
        var pages = 0;
        for (var position = 0; position < bytes.Length;)
        {
            var header = PageHeader.Read(bytes.AsSpan(position), out var length);
            position += length + header.CompressedSize;
            if (header.Type is PageHeader.DataPage or PageHeader.DataPageV2) pages++;
        }
        return pages;
    }

    public void Dispose() => Directory.Delete(temp, recursive: true);
}
