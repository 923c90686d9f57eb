namespace TrainingOrchestration.Contracts.Reading;

/// <summary>
/// Splits a seekable CSV file into byte ranges that start right after a line break, so each can be parsed on its
/// own core. A line break inside a quoted field would make a false boundary; the chunk before it then ends inside
/// an open quote, its parser throws, and the caller scans the file serially instead (see <c>ContractValidator</c>).
/// </summary>
internal static class CsvChunks
{
    private const int Probe = 1 << 20;

    /// <summary>Offsets [b0 … bn]: b0 follows the header line, bn is the file's end; null when the header cannot be found simply.</summary>
    public static long[]? Boundaries(Stream stream, int chunks, char quote = '"')
    {
        var length = stream.Length;
        var buffer = new byte[Probe];
        var headerEnd = NextLineBreak(stream, 0, buffer, quote, out var sawQuote);
        if (headerEnd < 0 || sawQuote) return null;
        var boundaries = new List<long> { headerEnd + 1 };
        for (var k = 1; k < chunks; k++)
        {
            var nominal = boundaries[0] + (length - boundaries[0]) * k / chunks;
            var lineBreak = NextLineBreak(stream, nominal - 1, buffer, quote, out _);
            if (lineBreak < 0) break;
            if (lineBreak + 1 > boundaries[^1] && lineBreak + 1 < length) boundaries.Add(lineBreak + 1);
        }
        boundaries.Add(length);
        return boundaries.ToArray();
    }

    private static long NextLineBreak(Stream stream, long from, byte[] buffer, char quote, out bool sawQuote)
    {
        stream.Position = from;
        var read = stream.ReadAtLeast(buffer, buffer.Length, throwOnEndOfStream: false);
        var index = buffer.AsSpan(0, read).IndexOf((byte)'\n');
        sawQuote = buffer.AsSpan(0, index < 0 ? read : index).Contains((byte)quote);
        return index < 0 ? -1 : from + index;
    }
}
