namespace TrainingOrchestration.Contracts.Reading.Parquet;

/// <summary>
/// The fields of a Parquet page header this reader uses, decoded from Thrift's compact protocol. Field ids and types
/// are those of <c>PageHeader</c>, <c>DataPageHeader</c>, <c>DictionaryPageHeader</c> and <c>DataPageHeaderV2</c> in
/// apache/parquet-format <c>src/main/thrift/parquet.thrift</c>; every other field (statistics, crc, index pages,
/// future additions) is skipped by its wire type, as the compact protocol allows
/// (https://github.com/apache/thrift/blob/master/doc/specs/thrift-compact-protocol.md).
/// </summary>
internal struct PageHeader
{
    public const int DataPage = 0;
    public const int DictionaryPage = 2;
    public const int DataPageV2 = 3;

    public int Type;
    public int UncompressedSize;
    public int CompressedSize;
    /// <summary>Values in the page, nulls included (data pages), or dictionary entries.</summary>
    public int Values;
    public int Encoding;
    public int DefinitionLevelEncoding;
    /// <summary>Data page v2 only: the level sections' lengths (stored uncompressed before the values) and whether the values are compressed.</summary>
    public int DefinitionLevelsLength;
    public int RepetitionLevelsLength;
    public bool IsCompressed;

    /// <summary>Decodes the header at the start of <paramref name="bytes"/>; <paramref name="length"/> is its size in bytes.</summary>
    public static PageHeader Read(ReadOnlySpan<byte> bytes, out int length)
    {
        var reader = new CompactReader(bytes);
        var header = new PageHeader { Type = -1, IsCompressed = true };
        short field = 0;
        while (reader.NextField(ref field, out var type))
        {
            switch (field)
            {
                case 1 when type == CompactReader.I32: header.Type = reader.ReadInt(); break;
                case 2 when type == CompactReader.I32: header.UncompressedSize = reader.ReadInt(); break;
                case 3 when type == CompactReader.I32: header.CompressedSize = reader.ReadInt(); break;
                case 5 when type == CompactReader.Struct: ReadDataPage(ref reader, ref header); break;
                case 7 when type == CompactReader.Struct: ReadDictionaryPage(ref reader, ref header); break;
                case 8 when type == CompactReader.Struct: ReadDataPageV2(ref reader, ref header); break;
                default: reader.Skip(type); break;
            }
        }
        if (header.Type < 0 || header.CompressedSize < 0 || header.UncompressedSize < 0) throw new InvalidDataException("Parquet page header without type or sizes");
        length = reader.Position;
        return header;
    }

    private static void ReadDataPage(ref CompactReader reader, ref PageHeader header)
    {
        short field = 0;
        while (reader.NextField(ref field, out var type))
        {
            switch (field)
            {
                case 1 when type == CompactReader.I32: header.Values = reader.ReadInt(); break;
                case 2 when type == CompactReader.I32: header.Encoding = reader.ReadInt(); break;
                case 3 when type == CompactReader.I32: header.DefinitionLevelEncoding = reader.ReadInt(); break;
                default: reader.Skip(type); break;
            }
        }
    }

    private static void ReadDictionaryPage(ref CompactReader reader, ref PageHeader header)
    {
        short field = 0;
        while (reader.NextField(ref field, out var type))
        {
            switch (field)
            {
                case 1 when type == CompactReader.I32: header.Values = reader.ReadInt(); break;
                case 2 when type == CompactReader.I32: header.Encoding = reader.ReadInt(); break;
                default: reader.Skip(type); break;
            }
        }
    }

    private static void ReadDataPageV2(ref CompactReader reader, ref PageHeader header)
    {
        short field = 0;
        while (reader.NextField(ref field, out var type))
        {
            switch (field)
            {
                case 1 when type == CompactReader.I32: header.Values = reader.ReadInt(); break;
                case 4 when type == CompactReader.I32: header.Encoding = reader.ReadInt(); break;
                case 5 when type == CompactReader.I32: header.DefinitionLevelsLength = reader.ReadInt(); break;
                case 6 when type == CompactReader.I32: header.RepetitionLevelsLength = reader.ReadInt(); break;
                case 7 when type is CompactReader.True or CompactReader.False: header.IsCompressed = type == CompactReader.True; break;
                default: reader.Skip(type); break;
            }
        }
    }
}
