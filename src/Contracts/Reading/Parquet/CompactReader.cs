namespace TrainingOrchestration.Contracts.Reading.Parquet;

/// <summary>
/// Thrift's compact protocol, read from a span: just enough to walk a struct's fields and skip the ones not wanted
/// (https://github.com/apache/thrift/blob/master/doc/specs/thrift-compact-protocol.md). A field header is one byte,
/// the field id delta in the high nibble (0: a zigzag varint id follows) and the type in the low nibble; integers
/// are zigzag varints; binary is a varint length and the bytes; a list's header holds its size (15: a varint
/// follows) and element type; a struct ends with a 0 byte. Booleans in a field live in the type nibble.
/// </summary>
internal ref struct CompactReader(ReadOnlySpan<byte> bytes)
{
    public const int True = 1, False = 2, Byte = 3, I16 = 4, I32 = 5, I64 = 6, Double = 7, Binary = 8, List = 9, Set = 10, Map = 11, Struct = 12;
    private readonly ReadOnlySpan<byte> bytes = bytes;
    private int depth;

    public int Position { get; private set; }

    /// <summary>The next field of the current struct; false at its end.</summary>
    public bool NextField(ref short field, out int type)
    {
        var header = ReadByte();
        type = header & 0x0F;
        if (type == 0) return false;
        var delta = header >> 4;
        field = delta != 0 ? (short)(field + delta) : (short)Zigzag(ReadVarint());
        return true;
    }

    public int ReadInt() => (int)Zigzag(ReadVarint());

    public void Skip(int type)
    {
        switch (type)
        {
            case True or False: break;
            case Byte: Position++; break;
            case I16 or I32 or I64: ReadVarint(); break;
            case Double: Position += 8; break;
            case Binary:
            {
                // Read the length first: "Position += ReadVarint()" would add it to the position before the varint.
                var length = checked((int)ReadVarint());
                Position += length;
                break;
            }
            case List or Set:
            {
                var header = ReadByte();
                var size = header >> 4 == 15 ? checked((int)ReadVarint()) : header >> 4;
                var element = header & 0x0F;
                for (var i = 0; i < size; i++)
                {
                    if (element is True or False) Position++;
                    else Skip(element);
                }
                break;
            }
            case Map:
            {
                var size = checked((int)ReadVarint());
                if (size == 0) break;
                var types = ReadByte();
                for (var i = 0; i < size; i++)
                {
                    Skip(types >> 4);
                    Skip(types & 0x0F);
                }
                break;
            }
            case Struct:
            {
                if (++depth > 64) throw new InvalidDataException("Parquet page header nested too deeply");
                short field = 0;
                while (NextField(ref field, out var inner)) Skip(inner);
                depth--;
                break;
            }
            default: throw new InvalidDataException($"Parquet page header has an unknown Thrift type {type}");
        }
        if (Position > bytes.Length) throw new InvalidDataException("Parquet page header is cut short");
    }

    private byte ReadByte()
    {
        if (Position >= bytes.Length) throw new InvalidDataException("Parquet page header is cut short");
        return bytes[Position++];
    }

    private ulong ReadVarint()
    {
        ulong value = 0;
        for (var shift = 0; shift < 64; shift += 7)
        {
            var b = ReadByte();
            value |= (ulong)(b & 0x7F) << shift;
            if (b < 0x80) return value;
        }
        throw new InvalidDataException("Parquet page header has a malformed varint");
    }

    private static long Zigzag(ulong n) => (long)(n >> 1) ^ -(long)(n & 1);
}
