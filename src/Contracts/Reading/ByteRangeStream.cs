namespace TrainingOrchestration.Contracts.Reading;

/// <summary>A read-only view of bytes [start, end) of a seekable stream; owns the stream.</summary>
internal sealed class ByteRangeStream : Stream
{
    private readonly Stream inner;
    private readonly long end;

    public ByteRangeStream(Stream inner, long start, long end)
    {
        this.inner = inner;
        this.end = end;
        inner.Position = start;
    }

    public override bool CanRead => true;
    public override bool CanSeek => false;
    public override bool CanWrite => false;
    public override long Length => throw new NotSupportedException();
    public override long Position { get => inner.Position; set => throw new NotSupportedException(); }

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer)
    {
        var left = end - inner.Position;
        if (left <= 0) return 0;
        return inner.Read(buffer[..(int)Math.Min(buffer.Length, left)]);
    }

    public override void Flush() { }
    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
    public override void SetLength(long value) => throw new NotSupportedException();
    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing) inner.Dispose();
        base.Dispose(disposing);
    }
}
