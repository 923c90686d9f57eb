using System.Buffers.Binary;
using System.Runtime.InteropServices;

namespace TrainingOrchestration.Contracts.Reading.Parquet;

/// <summary>
/// Values of a page into the buffer's rows: dictionary entries, PLAIN texts (UTF-8 into the shared char buffer) and
/// numbers (little-endian; booleans one bit each), dictionary indices as references, nulls from the definition levels.
/// </summary>
internal sealed partial class ColumnChunkDecoder
{
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
