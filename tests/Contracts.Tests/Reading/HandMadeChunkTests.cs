using Parquet.Meta;
using Parquet.Schema;
using TrainingOrchestration.Contracts.Reading;
using TrainingOrchestration.Contracts.Reading.Parquet;

namespace TrainingOrchestration.Contracts.Tests.Reading;

/// <summary>
/// Column chunks of several pages, built byte by byte as apache/parquet-format describes them (page headers in Thrift's
/// compact protocol, RLE/bit-packed levels and indices, PLAIN values), which DuckDB never writes (it starts a new page only
/// past 100 MB): a dictionary page then data pages v1 and v2 with nulls, plain pages in sequence, unknown header fields.
/// </summary>
public class HandMadeChunkTests
{
    private const int Plain = 0, Rle = 3, RleDictionary = 8;

    [Fact]
    public void A_dictionary_page_then_a_v1_and_a_v2_data_page_with_nulls_decode_to_their_rows()
    {
        var chunk = new List<byte>();
        var dictionary = Texts("basic", "pro", "é✓");
        chunk.AddRange(PageHeader(2, dictionary.Length, DictionaryHeader(3, Plain), 7));
        chunk.AddRange(dictionary);
        // v1: levels [1,0,1,1,1] bit-packed with a 4-byte length; indices [2,0,1,0] of 2 bits after a bit-width byte.
        byte[] v1 = [2, 0, 0, 0, 0x03, 0x1D, 2, 0x03, 0x12, 0x00];
        chunk.AddRange(PageHeader(0, v1.Length, DataHeader(5, RleDictionary), 5, crc: true));
        chunk.AddRange(v1);
        // v2: levels [1,1,0,1] (2 bytes, no length), then the values uncompressed: a run of three index 1.
        byte[] v2 = [0x03, 0x0B, 2, 0x06, 0x01];
        chunk.AddRange(PageHeader(3, v2.Length, DataHeaderV2(4, 1, RleDictionary, 2), 8));
        chunk.AddRange(v2);

        var buffer = Decode(new DataField<string>("plan"), chunk, 9);

        Assert.True(buffer.IsDictionary);
        Assert.Equal(["é✓", "", "basic", "pro", "basic", "pro", "pro", "", "pro"], Enumerable.Range(0, 9).Select(i => buffer.Text(i).ToString()));
        Assert.Equal([false, true, false, false, false, false, false, true, false], buffer.Nulls[..9]);
    }

    [Fact]
    public void Plain_numbers_over_a_v1_and_a_v2_page_decode_to_their_rows()
    {
        var chunk = new List<byte>();
        var v1 = new List<byte> { 2, 0, 0, 0, 0x06, 0x01 }; // levels: one run of three 1s
        v1.AddRange(Longs(-5, 1L << 40, 7));
        chunk.AddRange(PageHeader(0, v1.Count, DataHeader(3, Plain), 5));
        chunk.AddRange(v1);
        var v2 = new List<byte> { 0x03, 0x06 }; // levels [0,1,1]
        v2.AddRange(Longs(9, -1));
        chunk.AddRange(PageHeader(3, v2.Count, DataHeaderV2(3, 1, Plain, 2), 8));
        chunk.AddRange(v2);

        var buffer = Decode(new DataField<long?>("amount"), chunk, 6);

        Assert.False(buffer.IsDictionary);
        Assert.Equal([-5, 1L << 40, 7, double.NaN, 9, -1], Enumerable.Range(0, 6).Select(buffer.Number));
    }

    [Fact]
    public void Plain_texts_over_two_pages_keep_empty_texts_empty()
    {
        var chunk = new List<byte>();
        var first = new List<byte> { 2, 0, 0, 0, 0x04, 0x01 };
        first.AddRange(Texts("a", "bb"));
        chunk.AddRange(PageHeader(0, first.Count, DataHeader(2, Plain), 5));
        chunk.AddRange(first);
        var second = new List<byte> { 2, 0, 0, 0, 0x02, 0x01 };
        second.AddRange(Texts(""));
        chunk.AddRange(PageHeader(0, second.Count, DataHeader(1, Plain), 5));
        chunk.AddRange(second);

        var buffer = Decode(new DataField<string>("id"), chunk, 3);

        Assert.Equal(["a", "bb", ""], Enumerable.Range(0, 3).Select(i => buffer.Text(i).ToString()));
        Assert.Equal([false, false, false], buffer.Nulls[..3]);
    }

    [Fact]
    public void A_chunk_mixing_dictionary_and_plain_pages_is_left_to_parquet_net()
    {
        var chunk = new List<byte>();
        var dictionary = Texts("x");
        chunk.AddRange(PageHeader(2, dictionary.Length, DictionaryHeader(1, Plain), 7));
        chunk.AddRange(dictionary);
        byte[] indices = [2, 0, 0, 0, 0x02, 0x01, 1, 0x02, 0x00];
        chunk.AddRange(PageHeader(0, indices.Length, DataHeader(1, RleDictionary), 5));
        chunk.AddRange(indices);
        var plain = new List<byte> { 2, 0, 0, 0, 0x02, 0x01 };
        plain.AddRange(Texts("y"));
        chunk.AddRange(PageHeader(0, plain.Count, DataHeader(1, Plain), 5));
        chunk.AddRange(plain);

        Assert.Throws<NotSupportedException>(() => Decode(new DataField<string>("t"), chunk, 2));
    }

    private static ParquetColumnBuffer Decode(DataField field, List<byte> chunk, int rows)
    {
        _ = new ParquetSchema(field); // sets the field's definition level
        var scratch = new DecoderScratch();
        var buffer = new ParquetColumnBuffer(field, scratch);
        ColumnChunkDecoder.For(field, buffer, scratch)!.Decode(chunk.ToArray(), CompressionCodec.UNCOMPRESSED, rows);
        return buffer;
    }

    private static byte[] Texts(params string[] values) =>
        values.SelectMany(v => BitConverter.GetBytes(System.Text.Encoding.UTF8.GetByteCount(v)).Concat(System.Text.Encoding.UTF8.GetBytes(v))).ToArray();

    private static byte[] Longs(params long[] values) => values.SelectMany(BitConverter.GetBytes).ToArray();

    /// <summary>PageHeader: type, sizes, optionally a crc (skipped), then the page kind's header as field <paramref name="field"/>.</summary>
    private static byte[] PageHeader(int type, int size, byte[] inner, int field, bool crc = false)
    {
        var bytes = new List<byte> { 0x15 };
        Varint(bytes, type);
        bytes.Add(0x15);
        Varint(bytes, size);
        bytes.Add(0x15);
        Varint(bytes, size);
        var last = 3;
        if (crc)
        {
            bytes.Add(0x15);
            Varint(bytes, 12345);
            last = 4;
        }
        bytes.Add((byte)((field - last) << 4 | 12));
        bytes.AddRange(inner);
        bytes.Add(0);
        return bytes.ToArray();
    }

    /// <summary>DataPageHeader with a statistics struct (field 5, skipped) holding a binary max value.</summary>
    private static byte[] DataHeader(int values, int encoding)
    {
        var bytes = new List<byte>();
        foreach (var value in new[] { values, encoding, Rle, Rle })
        {
            bytes.Add(0x15);
            Varint(bytes, value);
        }
        bytes.AddRange([0x1C, 0x18, 2, (byte)'z', (byte)'z', 0x00, 0x00]);
        return bytes.ToArray();
    }

    private static byte[] DictionaryHeader(int values, int encoding)
    {
        var bytes = new List<byte> { 0x15 };
        Varint(bytes, values);
        bytes.Add(0x15);
        Varint(bytes, encoding);
        bytes.Add(0);
        return bytes.ToArray();
    }

    /// <summary>DataPageHeaderV2, values not compressed (is_compressed false).</summary>
    private static byte[] DataHeaderV2(int values, int nulls, int encoding, int levelBytes)
    {
        var bytes = new List<byte>();
        foreach (var value in new[] { values, nulls, values, encoding, levelBytes, 0 })
        {
            bytes.Add(0x15);
            Varint(bytes, value);
        }
        bytes.Add(0x12);
        bytes.Add(0);
        return bytes.ToArray();
    }

    /// <summary>A zigzag varint, as the compact protocol stores i32 fields.</summary>
    private static void Varint(List<byte> bytes, int value)
    {
        var n = (uint)((value << 1) ^ (value >> 31));
        for (; n >= 0x80; n >>= 7) bytes.Add((byte)(n | 0x80));
        bytes.Add((byte)n);
    }
}
