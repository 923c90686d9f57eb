using System.Buffers.Binary;
using System.IO.Compression;
using System.Runtime.InteropServices;
using Parquet.Meta;
using Parquet.Schema;
using PhysicalType = Parquet.Meta.Type;

namespace TrainingOrchestration.Contracts.Reading.Parquet;

/// <summary>
/// Decodes one flat column chunk of a row group straight into a <see cref="ParquetColumnBuffer"/>'s arrays: numbers as
/// doubles with a null mask, and texts as UTF-16 in one shared char buffer with a start and length per row (a
/// dictionary's entries are decoded once and rows point at them), so a plain-encoded text column (a unique key) makes
/// no object per value. It covers what DuckDB and most writers emit, after apache/parquet-format
/// (<c>README.md</c> "Data Pages", <c>Encodings.md</c>, <c>Compression.md</c>, <c>src/main/thrift/parquet.thrift</c>):
/// data pages v1 and v2 and dictionary pages; PLAIN values, PLAIN_DICTIONARY/RLE_DICTIONARY indices (a bit-width
/// byte, then the RLE/bit-packed hybrid), RLE booleans; RLE definition levels (v1: 4-byte length prefix; v2: stored
/// uncompressed before the values, length in the header); UNCOMPRESSED, SNAPPY, GZIP and ZSTD pages. Physical types
/// BOOLEAN, INT32, INT64, FLOAT, DOUBLE and UTF-8 BYTE_ARRAY, without repetition. Anything else throws
/// <see cref="NotSupportedException"/> and the caller reads the column with Parquet.Net instead.
/// </summary>
internal sealed class ColumnChunkDecoder
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

    private void ReadDictionary(ReadOnlySpan<byte> data, int count)
    {
        dictionarySize = count;
        target.PrepareEntries(count);
        if (target.IsText)
        {
            var starts = target.EntryStarts;
            var lengths = target.EntryLengths;
            var position = 0;
            for (var i = 0; i < count; i++)
            {
                (starts[i], lengths[i]) = ReadText(data, ref position);
            }
            return;
        }
        ReadPlainNumbers(data, target.EntryNumbers.AsSpan(0, count));
    }

    /// <summary>One PLAIN BYTE_ARRAY (4-byte little-endian length, then the bytes) decoded as UTF-8 into the shared char buffer.</summary>
    private (int Start, int Length) ReadText(ReadOnlySpan<byte> data, ref int position)
    {
        var length = BinaryPrimitives.ReadInt32LittleEndian(data[position..]);
        if (length < 0 || length > data.Length - position - 4) throw new InvalidDataException("Parquet text value runs past its page");
        var utf8 = data.Slice(position + 4, length);
        position += 4 + length;
        var buffer = target.ReserveChars(chars, length);
        var written = System.Text.Encoding.UTF8.GetChars(utf8, buffer.AsSpan(chars));
        var start = chars;
        chars += written;
        return (start, written);
    }

    /// <summary>A page's values for rows [first, first + count); <paramref name="allDefined"/>: no nulls (levels not decoded).</summary>
    private void ReadValues(ReadOnlySpan<byte> data, int encoding, int first, int count, bool allDefined, int rows)
    {
        var nulls = target.Nulls.AsSpan(first, count);
        var present = count;
        if (!allDefined)
        {
            var pageLevels = scratch.Levels(first + count).AsSpan(first, count);
            for (var i = 0; i < count; i++)
            {
                var isNull = pageLevels[i] < maxDefinition;
                nulls[i] = isNull;
                if (isNull) present--;
            }
        }
        else
        {
            nulls.Clear();
        }
        // The chunk's first data page sets the rows' form; a chunk that mixes dictionary and plain pages (a writer's
        // dictionary overflowing) is left to Parquet.Net.
        var dictionaryEncoded = encoding is PlainDictionary or RleDictionary;
        if (first == 0)
        {
            target.IsDictionary = dictionaryEncoded;
            if (dictionaryEncoded) target.PrepareDictionary(rows);
            else target.PreparePlain(rows);
        }
        else if (target.IsDictionary != dictionaryEncoded)
        {
            throw new NotSupportedException("a column chunk with both dictionary and plain pages");
        }
        if (dictionaryEncoded)
        {
            if (dictionarySize < 0) throw new InvalidDataException("Parquet dictionary-encoded page without a dictionary");
            var indices = scratch.Indices(present);
            var bitWidth = data[0];
            RleHybrid.Decode(data[1..], bitWidth, indices, present);
            foreach (var index in indices.AsSpan(0, present))
            {
                if ((uint)index >= (uint)dictionarySize) throw new InvalidDataException("Parquet dictionary index out of range");
            }
            Spread(first, count, present, indices);
            return;
        }
        if (encoding == Rle && !target.IsText && field.ClrType == typeof(bool))
        {
            var indices = scratch.Indices(present);
            var size = BinaryPrimitives.ReadInt32LittleEndian(data);
            RleHybrid.Decode(data.Slice(4, size), 1, indices, present);
            var numbers = target.Numbers.AsSpan(first, count);
            var next = 0;
            for (var i = 0; i < count; i++) numbers[i] = nulls[i] ? double.NaN : indices[next++];
            return;
        }
        if (encoding != Plain) throw new NotSupportedException($"value encoding {encoding}");
        if (target.IsText)
        {
            var position = 0;
            var starts = target.Starts.AsSpan(first, count);
            var lengths = target.Lengths.AsSpan(first, count);
            for (var i = 0; i < count; i++)
            {
                if (nulls[i]) { starts[i] = 0; lengths[i] = 0; continue; }
                (starts[i], lengths[i]) = ReadText(data, ref position);
            }
            return;
        }
        var values = target.Numbers.AsSpan(first, count);
        ReadPlainNumbers(data, values[..present]);
        if (present < count) SpreadNumbers(values, nulls, present);
    }

    /// <summary>Dictionary indices of the present values, put in their rows (nulls: the null entry after the dictionary's).</summary>
    private void Spread(int first, int count, int present, int[] packed)
    {
        var refs = target.Refs.AsSpan(first, count);
        if (present == count)
        {
            packed.AsSpan(0, count).CopyTo(refs);
            return;
        }
        var nulls = target.Nulls.AsSpan(first, count);
        var next = 0;
        for (var i = 0; i < count; i++) refs[i] = nulls[i] ? dictionarySize : packed[next++];
    }

    /// <summary>Moves the packed values to their rows, from the back so nothing is overwritten before it moves.</summary>
    private static void SpreadNumbers(Span<double> values, ReadOnlySpan<bool> nulls, int present)
    {
        var next = present - 1;
        for (var i = values.Length - 1; i >= 0; i--) values[i] = nulls[i] ? double.NaN : values[next--];
    }

    /// <summary>PLAIN numbers (little-endian; booleans one bit each from the least significant) converted to double.</summary>
    private void ReadPlainNumbers(ReadOnlySpan<byte> data, Span<double> values)
    {
        var count = values.Length;
        var type = field.ClrType;
        if (type == typeof(bool))
        {
            if (data.Length < (count + 7) / 8) throw new InvalidDataException("Parquet page is cut short");
            for (var i = 0; i < count; i++) values[i] = (data[i >> 3] >> (i & 7)) & 1;
        }
        else if (type == typeof(int) || type == typeof(float))
        {
            var words = MemoryMarshal.Cast<byte, int>(data[..checked(count * 4)]);
            if (type == typeof(int)) for (var i = 0; i < count; i++) values[i] = BitConverter.IsLittleEndian ? words[i] : BinaryPrimitives.ReverseEndianness(words[i]);
            else for (var i = 0; i < count; i++) values[i] = BinaryPrimitives.ReadSingleLittleEndian(data.Slice(i * 4, 4));
        }
        else
        {
            var words = MemoryMarshal.Cast<byte, long>(data[..checked(count * 8)]);
            if (type == typeof(long)) for (var i = 0; i < count; i++) values[i] = BitConverter.IsLittleEndian ? words[i] : BinaryPrimitives.ReverseEndianness(words[i]);
            else for (var i = 0; i < count; i++) values[i] = BinaryPrimitives.ReadDoubleLittleEndian(data.Slice(i * 8, 8));
        }
    }
}
