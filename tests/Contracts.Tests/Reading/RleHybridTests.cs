using TrainingOrchestration.Contracts.Reading.Parquet;

namespace TrainingOrchestration.Contracts.Tests.Reading;

/// <summary>The RLE / bit-packing hybrid decoder against runs encoded here as apache/parquet-format Encodings.md describes them.</summary>
public class RleHybridTests
{
    [Theory]
    [InlineData(1)]
    [InlineData(3)]
    [InlineData(8)]
    [InlineData(9)]
    [InlineData(17)]
    [InlineData(32)]
    public void Bit_packed_and_repeated_runs_decode_to_their_values(int bitWidth)
    {
        var random = new Random(bitWidth);
        var max = bitWidth == 32 ? int.MaxValue : (1L << bitWidth) - 1;
        var packed = Enumerable.Range(0, 8 * 37).Select(_ => (int)random.NextInt64(max + 1)).ToArray();
        var repeated = (int)max;
        var bytes = new List<byte>();
        // A bit-packed run of 37 groups of 8, values from the least significant bit.
        Varint(bytes, 37 << 1 | 1);
        var bits = new byte[37 * bitWidth];
        for (var i = 0; i < packed.Length; i++)
        {
            for (var b = 0; b < bitWidth; b++)
            {
                if (((uint)packed[i] >> b & 1) != 0) bits[(i * bitWidth + b) / 8] |= (byte)(1 << ((i * bitWidth + b) % 8));
            }
        }
        bytes.AddRange(bits);
        // A run of 300 repeats, the value in whole bytes.
        Varint(bytes, 300 << 1);
        for (var b = 0; b < (bitWidth + 7) / 8; b++) bytes.Add((byte)(repeated >> (8 * b)));
        // A last bit-packed group of which only 5 values are wanted.
        Varint(bytes, 1 << 1 | 1);
        var tail = new byte[bitWidth];
        for (var i = 0; i < 5; i++)
        {
            for (var b = 0; b < bitWidth; b++)
            {
                if (((uint)packed[i] >> b & 1) != 0) tail[(i * bitWidth + b) / 8] |= (byte)(1 << ((i * bitWidth + b) % 8));
            }
        }
        bytes.AddRange(tail);

        var values = new int[packed.Length + 305];
        RleHybrid.Decode(bytes.ToArray(), bitWidth, values, values.Length);

        Assert.Equal(packed, values[..packed.Length]);
        Assert.All(values[packed.Length..(packed.Length + 300)], v => Assert.Equal(repeated, v));
        Assert.Equal(packed[..5], values[(packed.Length + 300)..]);
    }

    private static void Varint(List<byte> bytes, int value)
    {
        for (; value >= 0x80; value >>= 7) bytes.Add((byte)(value | 0x80));
        bytes.Add((byte)value);
    }
}
