using System.Buffers.Binary;
using System.Runtime.InteropServices;
using System.Text;

namespace TrainingOrchestration.Contracts.Checks;

/// <summary>
/// The spill format of a <see cref="KeyBatch"/>: a header (key count, character count, flags, body size), then the
/// lengths (a byte each when every key is shorter than 256 characters, else 4), the hashes, the values as zigzag varint
/// deltas (a partition's rows arrive in ascending order, so a delta takes a byte or two instead of 8), and the characters
/// (a byte each when all are Latin-1, as keys of IDs and codes are, else 2). The kernel copies about half the bytes of
/// the plain arrays into the page cache, which was a tenth of the whole pass at 1 GB.
/// </summary>
internal static class KeyBlock
{
    public const int HeaderBytes = 13;
    private const byte NarrowChars = 1;
    private const byte NarrowLengths = 2;

    public static int MaxBytes(int count, int charCount) => HeaderBytes + count * (4 + 4 + 10) + charCount * 2;

    /// <summary>Writes the block into <paramref name="block"/>; returns its size.</summary>
    public static int Encode(Span<byte> block, ReadOnlySpan<char> chars, ReadOnlySpan<int> lengths, ReadOnlySpan<int> hashes, ReadOnlySpan<long> values)
    {
        byte flags = 0;
        if (chars.IndexOfAnyExceptInRange((char)0, (char)255) < 0) flags |= NarrowChars;
        if (lengths.IndexOfAnyExceptInRange(0, 255) < 0) flags |= NarrowLengths;
        var at = HeaderBytes;
        if ((flags & NarrowLengths) != 0)
        {
            for (var i = 0; i < lengths.Length; i++) block[at + i] = (byte)lengths[i];
            at += lengths.Length;
        }
        else at += Copy(MemoryMarshal.AsBytes(lengths), block[at..]);
        at += Copy(MemoryMarshal.AsBytes(hashes), block[at..]);
        long previous = 0;
        foreach (var value in values)
        {
            var delta = value - previous;
            previous = value;
            var zigzag = (ulong)((delta << 1) ^ (delta >> 63));
            while (zigzag >= 0x80)
            {
                block[at++] = (byte)(zigzag | 0x80);
                zigzag >>= 7;
            }
            block[at++] = (byte)zigzag;
        }
        at += (flags & NarrowChars) != 0 ? Encoding.Latin1.GetBytes(chars, block[at..]) : Copy(MemoryMarshal.AsBytes(chars), block[at..]);
        BinaryPrimitives.WriteInt32LittleEndian(block, lengths.Length);
        BinaryPrimitives.WriteInt32LittleEndian(block[4..], chars.Length);
        block[8] = flags;
        BinaryPrimitives.WriteInt32LittleEndian(block[9..], at - HeaderBytes);
        return at;
    }

    public static (int Count, int Chars, int BodyBytes) ReadHeader(ReadOnlySpan<byte> header) =>
        (BinaryPrimitives.ReadInt32LittleEndian(header), BinaryPrimitives.ReadInt32LittleEndian(header[4..]), BinaryPrimitives.ReadInt32LittleEndian(header[9..]));

    public static void Decode(ReadOnlySpan<byte> header, ReadOnlySpan<byte> body, Span<char> chars, Span<int> lengths, Span<int> hashes, Span<long> values)
    {
        var flags = header[8];
        var at = 0;
        if ((flags & NarrowLengths) != 0)
        {
            for (var i = 0; i < lengths.Length; i++) lengths[i] = body[at + i];
            at += lengths.Length;
        }
        else at += Copy(body.Slice(at, lengths.Length * 4), MemoryMarshal.AsBytes(lengths));
        at += Copy(body.Slice(at, hashes.Length * 4), MemoryMarshal.AsBytes(hashes));
        long previous = 0;
        for (var i = 0; i < values.Length; i++)
        {
            ulong zigzag = 0;
            var shift = 0;
            byte b;
            do
            {
                b = body[at++];
                zigzag |= (ulong)(b & 0x7F) << shift;
                shift += 7;
            }
            while (b >= 0x80);
            previous += (long)(zigzag >> 1) ^ -(long)(zigzag & 1);
            values[i] = previous;
        }
        if ((flags & NarrowChars) != 0) Encoding.Latin1.GetChars(body[at..], chars);
        else body[at..].CopyTo(MemoryMarshal.AsBytes(chars));
    }

    private static int Copy(ReadOnlySpan<byte> from, Span<byte> to)
    {
        from.CopyTo(to);
        return from.Length;
    }
}
