using System.Buffers.Binary;

namespace TrainingOrchestration.Contracts.Reading.Parquet;

/// <summary>
/// The RLE / bit-packing hybrid (apache/parquet-format <c>Encodings.md</c>, "Run Length Encoding / Bit-Packing Hybrid
/// (RLE = 3)"): runs of a varint header, <c>n &lt;&lt; 1</c> for a value repeated n times (stored in whole bytes), or
/// <c>g &lt;&lt; 1 | 1</c> for g groups of 8 values bit-packed from the least significant bit. Used for definition
/// levels, dictionary indices and RLE booleans. The caller strips the 4-byte length where the page kind has one.
/// </summary>
internal static class RleHybrid
{
    /// <summary>Decodes <paramref name="count"/> values of <paramref name="bitWidth"/> bits into <paramref name="values"/>.</summary>
    public static void Decode(ReadOnlySpan<byte> data, int bitWidth, Span<int> values, int count)
    {
        if (bitWidth is < 0 or > 32) throw new InvalidDataException($"Parquet RLE bit width {bitWidth} is out of range");
        var position = 0;
        var done = 0;
        var byteWidth = (bitWidth + 7) / 8;
        var mask = bitWidth == 32 ? uint.MaxValue : (1u << bitWidth) - 1;
        while (done < count)
        {
            var header = ReadVarint(data, ref position);
            if ((header & 1) == 0)
            {
                var run = (int)Math.Min(header >> 1, (ulong)(count - done));
                if (position + byteWidth > data.Length) throw Truncated();
                uint value = 0;
                for (var b = 0; b < byteWidth; b++) value |= (uint)data[position + b] << (8 * b);
                position += byteWidth;
                values.Slice(done, run).Fill((int)value);
                done += run;
                continue;
            }
            var groups = (long)(header >> 1);
            var bytes = groups * bitWidth;
            if (position + bytes > data.Length) throw Truncated();
            var packed = (int)Math.Min(groups * 8, count - done);
            if (bitWidth == 0)
            {
                values.Slice(done, packed).Clear();
            }
            else if (bitWidth <= 8)
            {
                // A group of 8 values of at most 8 bits is at most 8 bytes: one 64-bit read unpacks the whole group.
                var source = data.Slice(position, (int)bytes);
                var target = values.Slice(done, packed);
                var i = 0;
                for (var at = 0; i + 8 <= packed; i += 8, at += bitWidth)
                {
                    var word = at + 8 <= source.Length ? BinaryPrimitives.ReadUInt64LittleEndian(source[at..]) : Tail(source, at);
                    for (var k = 0; k < 8; k++) target[i + k] = (int)((uint)(word >> (k * bitWidth)) & mask);
                }
                if (i < packed)
                {
                    var at = i / 8 * bitWidth;
                    var word = Tail(source, at);
                    for (var k = 0; i < packed; i++, k++) target[i] = (int)((uint)(word >> (k * bitWidth)) & mask);
                }
            }
            else
            {
                var source = data.Slice(position, (int)bytes);
                long bit = 0;
                for (var i = 0; i < packed; i++, bit += bitWidth)
                {
                    var at = (int)(bit >> 3);
                    // Up to 32 bits starting at any bit need at most 5 bytes; read 8 when they are there.
                    ulong word = at + 8 <= source.Length ? BinaryPrimitives.ReadUInt64LittleEndian(source[at..]) : Tail(source, at);
                    values[done + i] = (int)((uint)(word >> (int)(bit & 7)) & mask);
                }
            }
            position += (int)bytes;
            done += packed;
        }
    }

    /// <summary>
    /// True when <paramref name="data"/> opens with one repeated run of at least <paramref name="count"/> copies of
    /// <paramref name="value"/> (bit width 1 to 8): a column chunk without nulls has its definition levels so.
    /// </summary>
    public static bool IsSingleRun(ReadOnlySpan<byte> data, int count, int value)
    {
        var position = 0;
        try
        {
            var header = ReadVarint(data, ref position);
            return (header & 1) == 0 && header >> 1 >= (ulong)count && position < data.Length && data[position] == value;
        }
        catch (InvalidDataException)
        {
            return false;
        }
    }

    /// <summary>The bits needed for values up to <paramref name="max"/> (a level's width: 1 for a flat optional column).</summary>
    public static int BitWidth(int max) => max == 0 ? 0 : 32 - int.LeadingZeroCount(max);

    private static ulong Tail(ReadOnlySpan<byte> source, int at)
    {
        ulong word = 0;
        for (var b = 0; at + b < source.Length && b < 8; b++) word |= (ulong)source[at + b] << (8 * b);
        return word;
    }

    private static ulong ReadVarint(ReadOnlySpan<byte> data, ref int position)
    {
        ulong value = 0;
        for (var shift = 0; shift < 64; shift += 7)
        {
            if (position >= data.Length) throw Truncated();
            var b = data[position++];
            value |= (ulong)(b & 0x7F) << shift;
            if (b < 0x80) return value;
        }
        throw new InvalidDataException("Parquet RLE run header is malformed");
    }

    private static InvalidDataException Truncated() => new("Parquet RLE data is cut short");
}
