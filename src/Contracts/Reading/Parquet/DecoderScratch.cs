namespace TrainingOrchestration.Contracts.Reading.Parquet;

/// <summary>
/// Working arrays one reader's column decoders share (columns are decoded one after another): the compressed chunk,
/// a decompressed page, definition levels and dictionary indices. They grow to the largest chunk or page seen and stay,
/// so a row group costs no allocation once the first has been read.
/// </summary>
internal sealed class DecoderScratch
{
    private byte[] chunk = [];
    private byte[] page = [];
    private int[] levels = [];
    private int[] indices = [];

    public byte[] Chunk(int length) => chunk.Length >= length ? chunk : chunk = new byte[ParquetColumnBuffer.Grown(length)];

    public byte[] Page(int length) => page.Length >= length ? page : page = new byte[ParquetColumnBuffer.Grown(length)];

    /// <summary>Levels for a row group; grown only by copying, as a chunk's pages fill it one after another.</summary>
    public int[] Levels(int length)
    {
        if (levels.Length < length) Array.Resize(ref levels, ParquetColumnBuffer.Grown(length));
        return levels;
    }

    public int[] Indices(int length) => indices.Length >= length ? indices : indices = new int[ParquetColumnBuffer.Grown(length)];

    public void Release()
    {
        chunk = page = [];
        levels = indices = [];
    }
}
