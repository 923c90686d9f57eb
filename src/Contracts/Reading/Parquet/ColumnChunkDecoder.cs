using System.Buffers.Binary;
using System.IO.Compression;
using Parquet.Meta;
using Parquet.Schema;
using PhysicalType = Parquet.Meta.Type;

namespace TrainingOrchestration.Contracts.Reading.Parquet;

/// <summary>
/// Decodes one flat column chunk of a row group straight into a <see cref="ParquetColumnBuffer"/>'s arrays: a null mask,
/// and per row either a reference to the dictionary's entries (decoded once; a dictionary-encoded chunk) or the value
/// itself (a double, or a start and length in one shared UTF-16 char buffer), so a plain-encoded text column (a unique
/// key) makes no object per value. It covers what DuckDB and most writers emit, after apache/parquet-format
/// (<c>README.md</c> "Data Pages", <c>Encodings.md</c>, <c>Compression.md</c>, <c>src/main/thrift/parquet.thrift</c>):
/// data pages v1 and v2 and dictionary pages; PLAIN values, PLAIN_DICTIONARY/RLE_DICTIONARY indices (a bit-width
/// byte, then the RLE/bit-packed hybrid), RLE booleans; RLE definition levels (v1: 4-byte length prefix; v2: stored
/// uncompressed before the values, length in the header); UNCOMPRESSED, SNAPPY, GZIP and ZSTD pages. Physical types
/// BOOLEAN, INT32, INT64, FLOAT, DOUBLE and UTF-8 BYTE_ARRAY, without repetition. Anything else throws
/// <see cref="NotSupportedException"/> and the caller reads the column with Parquet.Net instead.
/// </summary>
internal sealed partial class ColumnChunkDecoder
{
    private const int Plain = 0, PlainDictionary = 2, Rle = 3, RleDictionary = 8;
    private readonly DataField field;
    private readonly ParquetColumnBuffer target;
    private readonly int maxDefinition;
    private readonly DecoderScratch scratch;
    private int dictionarySize;
    private int chars;

    private ColumnChunkDecoder(DataField field, ParquetColumnBuffer target, DecoderScratch scratch)
    {
        this.field = field;
        this.target = target;
        this.scratch = scratch;
        maxDefinition = field.MaxDefinitionLevel;
    }

    /// <summary>A decoder when the field's Parquet.Net type is one this reader produces the same values for, else null.</summary>
    public static ColumnChunkDecoder? For(DataField field, ParquetColumnBuffer target, DecoderScratch scratch)
    {
        if (field.MaxRepetitionLevel != 0 || field.MaxDefinitionLevel > 1) return null;
        var type = field.ClrType;
        return type == typeof(string) || type == typeof(ReadOnlyMemory<char>) || type == typeof(int) || type == typeof(long) || type == typeof(float) || type == typeof(double) || type == typeof(bool)
            ? new ColumnChunkDecoder(field, target, scratch)
            : null;
    }

    public void Release()
    {
    }

    /// <summary>Reads and decodes <paramref name="column"/> (this field's chunk in the row group) of <paramref name="rows"/> rows.</summary>
    public async Task DecodeAsync(Stream stream, ColumnChunk column, int rows, CancellationToken cancellationToken)
    {
        var meta = column.MetaData ?? throw new NotSupportedException("column chunk without metadata");
        if (meta.PathInSchema.Count != 1 || meta.PathInSchema[0] != field.Name) throw new NotSupportedException("nested column");
        if (meta.Type != Expected()) throw new NotSupportedException($"physical type {meta.Type}");
        if (meta.Codec is not (CompressionCodec.UNCOMPRESSED or CompressionCodec.SNAPPY or CompressionCodec.GZIP or CompressionCodec.ZSTD))
            throw new NotSupportedException($"codec {meta.Codec}");
        if (meta.NumValues != rows) throw new NotSupportedException("values and rows differ");
        // The chunk starts at its first page, the dictionary's when there is one; like Parquet.Net, take the lowest
        // non-zero offset (some writers record a dictionary offset of 0 for none). Its size includes the page headers.
        var start = new[] { meta.DictionaryPageOffset ?? 0, meta.DataPageOffset, meta.IndexPageOffset ?? 0 }.Where(o => o > 0).Min();
        var length = checked((int)meta.TotalCompressedSize);
        var chunk = scratch.Chunk(length);
        stream.Seek(start, SeekOrigin.Begin);
        await stream.ReadExactlyAsync(chunk.AsMemory(0, length), cancellationToken).ConfigureAwait(false);
        Decode(chunk.AsSpan(0, length), meta.Codec, rows);
    }

    private PhysicalType Expected()
    {
        var type = field.ClrType;
        return type == typeof(string) || type == typeof(ReadOnlyMemory<char>) ? PhysicalType.BYTE_ARRAY
            : type == typeof(int) ? PhysicalType.INT32
            : type == typeof(long) ? PhysicalType.INT64
            : type == typeof(float) ? PhysicalType.FLOAT
            : type == typeof(double) ? PhysicalType.DOUBLE
            : PhysicalType.BOOLEAN;
    }

    /// <summary>Decodes a column chunk already in memory (its pages one after another) into the buffer.</summary>
    internal void Decode(ReadOnlySpan<byte> bytes, CompressionCodec codec, int rows)
    {
        target.Prepare(rows);
        target.IsDictionary = false;
        chars = 0;
        dictionarySize = -1;
        var levels = scratch.Levels(rows);
        var position = 0;
        var row = 0;
        while (row < rows)
        {
            var header = PageHeader.Read(bytes[position..], out var headerLength);
            position += headerLength;
            if (header.CompressedSize > bytes.Length - position) throw new InvalidDataException("Parquet page runs past its column chunk");
            var body = bytes.Slice(position, header.CompressedSize);
            position += header.CompressedSize;
            switch (header.Type)
            {
                case PageHeader.DictionaryPage:
                    if (dictionarySize >= 0) throw new InvalidDataException("second dictionary page in a column chunk");
                    if (header.Encoding is not (Plain or PlainDictionary)) throw new NotSupportedException($"dictionary encoding {header.Encoding}");
                    ReadDictionary(Decompress(body, codec, header.UncompressedSize), header.Values);
                    break;
                case PageHeader.DataPage:
                {
                    var data = Decompress(body, codec, header.UncompressedSize);
                    var count = Math.Min(header.Values, rows - row);
                    var offset = 0;
                    var allDefined = maxDefinition == 0;
                    if (maxDefinition > 0)
                    {
                        if (header.DefinitionLevelEncoding != Rle) throw new NotSupportedException($"definition level encoding {header.DefinitionLevelEncoding}");
                        var size = BinaryPrimitives.ReadInt32LittleEndian(data);
                        allDefined = RleHybrid.IsSingleRun(data.Slice(4, size), count, maxDefinition);
                        if (!allDefined) RleHybrid.Decode(data.Slice(4, size), 1, levels.AsSpan(row), count);
                        offset = 4 + size;
                    }
                    ReadValues(data[offset..], header.Encoding, row, count, allDefined, rows);
                    row += count;
                    break;
                }
                case PageHeader.DataPageV2:
                {
                    if (header.RepetitionLevelsLength != 0) throw new NotSupportedException("repetition levels");
                    var count = Math.Min(header.Values, rows - row);
                    var levelBytes = header.DefinitionLevelsLength;
                    var allDefined = maxDefinition == 0 || RleHybrid.IsSingleRun(body[..levelBytes], count, maxDefinition);
                    if (!allDefined) RleHybrid.Decode(body[..levelBytes], 1, levels.AsSpan(row), count);
                    var values = body[levelBytes..];
                    var data = header.IsCompressed ? Decompress(values, codec, header.UncompressedSize - levelBytes) : values;
                    ReadValues(data, header.Encoding, row, count, allDefined, rows);
                    row += count;
                    break;
                }
                default:
                    break; // index pages and unknown page types carry no values
            }
        }
    }

    private ReadOnlySpan<byte> Decompress(ReadOnlySpan<byte> body, CompressionCodec codec, int size)
    {
        if (codec == CompressionCodec.UNCOMPRESSED) return body;
        var output = scratch.Page(size).AsSpan(0, size);
        var written = codec switch
        {
            CompressionCodec.SNAPPY => Snappier.Snappy.Decompress(body, output),
            CompressionCodec.ZSTD => Unzstd(body, output),
            _ => Gunzip(body, output),
        };
        if (written != size) throw new InvalidDataException($"Parquet page decompressed to {written} bytes, its header says {size}");
        return output;
    }

    private static int Unzstd(ReadOnlySpan<byte> body, Span<byte> output)
    {
        using var zstd = new ZstdSharp.Decompressor();
        return zstd.Unwrap(body, output);
    }

    private static int Gunzip(ReadOnlySpan<byte> body, Span<byte> output)
    {
        using var gzip = new GZipStream(new MemoryStream(body.ToArray()), CompressionMode.Decompress);
        var total = 0;
        int read;
        while (total < output.Length && (read = gzip.Read(output[total..])) > 0) total += read;
        return total;
    }
}
