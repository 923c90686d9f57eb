using System.Buffers;
using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Text;
using TrainingOrchestration.Contracts.Model;

namespace TrainingOrchestration.Contracts.Reading;

/// <summary>
/// RFC 4180 CSV parsing over a stream with one pooled, growable char buffer, in the contract's declared
/// <see cref="CsvDialect"/> (delimiter and quote): quoted fields (with doubled-quote escapes, delimiters and line breaks
/// inside), CRLF or LF line ends, a UTF-8 BOM, a last line without a line break.
/// Fields are spans into the buffer (quoted fields are unescaped in place), so no string is made per field.
/// A row that straddles the buffer end is moved to the front and parsing resumes where it stopped, so a chunk
/// boundary anywhere (even inside quotes) changes nothing. The buffer only grows for a row longer than itself.
/// </summary>
internal sealed class CsvRowParser : IDisposable
{
    private const int MaxRowChars = 64 * 1024 * 1024;
    private readonly char delimiter;
    private readonly char quote;
    private readonly Vector256<ushort> delimiters256;
    private readonly Vector128<ushort> delimiters128;

    private readonly Stream stream;
    private readonly Decoder decoder = new UTF8Encoding(false, false).GetDecoder();
    private readonly byte[] bytes;
    private char[] chars;
    private int rowStart;
    private int end;
    private bool streamDone;
    private bool first = true;
    private int pendingAdvance;
    private int[] starts = new int[64];
    private int[] lengths = new int[64];

    /// <param name="atFileStart">False for a chunk that starts inside a file, where no byte-order mark can be.</param>
    public CsvRowParser(Stream stream, int bufferChars = 128 * 1024, bool atFileStart = true, CsvDialect? dialect = null)
    {
        this.stream = stream;
        delimiter = (dialect ?? CsvDialect.Default).Delimiter;
        quote = (dialect ?? CsvDialect.Default).Quote;
        delimiters256 = Vector256.Create((ushort)delimiter);
        delimiters128 = Vector128.Create((ushort)delimiter);
        first = atFileStart;
        bytes = ArrayPool<byte>.Shared.Rent(bufferChars);
        chars = ArrayPool<char>.Shared.Rent(bufferChars);
    }

    public int FieldCount { get; private set; }

    /// <summary>Data rows read so far, the header included (1 = the header).</summary>
    public long RowsRead { get; private set; }

    /// <summary>Line breaks consumed before the current row (so the row starts on line <c>LinesBefore + 1</c>).</summary>
    public long LinesBefore { get; private set; }

    private long linesInRow;

    public ReadOnlySpan<char> Field(int index) => chars.AsSpan(rowStart + starts[index], lengths[index]);

    /// <summary>
    /// The current row's characters up to its last field's end (fields lie in order, quoted ones unescaped in place), so
    /// a batch copies a row at once; <see cref="FieldStarts"/> and <see cref="FieldLengths"/> are relative to its start.
    /// </summary>
    public ReadOnlySpan<char> RowChars => chars.AsSpan(rowStart, FieldCount == 0 ? 0 : starts[FieldCount - 1] + lengths[FieldCount - 1]);

    public ReadOnlySpan<int> FieldStarts => starts.AsSpan(0, FieldCount);

    public ReadOnlySpan<int> FieldLengths => lengths.AsSpan(0, FieldCount);

    /// <summary>Parses the next non-empty row; false at the end of the stream.</summary>
    public bool ReadRow()
    {
        while (true)
        {
            LinesBefore += linesInRow;
            linesInRow = 0;
            var consumed = ParseRow();
            if (consumed < 0) return false;
            linesInRow++;
            RowsRead++;
            var blank = FieldCount == 1 && lengths[0] == 0 && consumed <= 2;
            // The fields stay valid until the next call, which is when rowStart moves past them.
            pendingAdvance = consumed;
            if (!blank) return true;
            RowsRead--;
        }
    }

    /// <returns>Chars the row occupies including its line end, or -1 at the end of input.</returns>
    private int ParseRow()
    {
        rowStart += pendingAdvance;
        pendingAdvance = 0;
        FieldCount = 0;
        var p = 0;
        if (rowStart >= end && !Fill()) return -1;
        while (true)
        {
            if (FieldCount == starts.Length) GrowFields();
            if (rowStart + p >= end && !Fill())
            {
                AddField(p, 0);
                return p;
            }
            if (chars[rowStart + p] == quote)
            {
                p = ParseQuoted(p);
            }
            else
            {
                var fieldStart = p;
                while (true)
                {
                    var index = NextFieldEnd(rowStart + p);
                    if (index >= 0) { p = index - rowStart; break; }
                    p = end - rowStart;
                    if (!Fill()) { AddField(fieldStart, p - fieldStart); return p; }
                }
                AddField(fieldStart, p - fieldStart);
            }
            if (rowStart + p >= end && !Fill()) return p;
            var c = chars[rowStart + p];
            if (c == delimiter) { p++; continue; }
            if (c == '\n') return p + 1;
            if (c == '\r')
            {
                p++;
                if (rowStart + p >= end && !Fill()) return p;
                return chars[rowStart + p] == '\n' ? p + 1 : p;
            }
            throw new CsvFormatException(LinesBefore + linesInRow + 1, RowsRead,
                $"unexpected '{c}' after a quoted field (a {quote} inside a quoted field must be doubled)");
        }
    }

    // Where the delimiters and line breaks are in 64 characters of the buffer from maskBase on (bit i: chars[maskBase + i]),
    // found with a few vector compares and then read field after field by counting zero bits: most fields are a few
    // characters, so one window serves a dozen fields instead of a search per field. Invalid (maskBase < 0) after Fill
    // and after a quoted field, which move or rewrite characters.
    private int maskBase = -1;
    private ulong mask;

    /// <summary>Index in <c>chars</c> of the first delimiter, CR or LF at or after <paramref name="from"/> and before <c>end</c>; -1 if none.</summary>
    private int NextFieldEnd(int from)
    {
        while (from < end)
        {
            var offset = from - maskBase;
            if (maskBase < 0 || (uint)offset >= 64)
            {
                Scan(from);
                offset = 0;
            }
            var bits = mask >> offset;
            if (bits != 0) return from + BitOperations.TrailingZeroCount(bits);
            from = maskBase + 64;
        }
        return -1;
    }

    /// <summary>Fills <see cref="mask"/> for the 64 characters from <paramref name="from"/> (bits past <c>end</c> clear).</summary>
    private void Scan(int from)
    {
        maskBase = from;
        ulong bits = 0;
        ref var start = ref Unsafe.As<char, ushort>(ref chars[0]);
        if (Vector256.IsHardwareAccelerated && from + 64 <= chars.Length)
        {
            for (var k = 0; k < 4; k++)
            {
                var v = Vector256.LoadUnsafe(ref start, (nuint)(from + 16 * k));
                var hits = Vector256.Equals(v, delimiters256) | Vector256.Equals(v, Vector256.Create((ushort)'\n')) | Vector256.Equals(v, Vector256.Create((ushort)'\r'));
                bits |= (ulong)hits.ExtractMostSignificantBits() << (16 * k);
            }
        }
        else if (Vector128.IsHardwareAccelerated && from + 64 <= chars.Length)
        {
            for (var k = 0; k < 8; k++)
            {
                var v = Vector128.LoadUnsafe(ref start, (nuint)(from + 8 * k));
                var hits = Vector128.Equals(v, delimiters128) | Vector128.Equals(v, Vector128.Create((ushort)'\n')) | Vector128.Equals(v, Vector128.Create((ushort)'\r'));
                bits |= (ulong)hits.ExtractMostSignificantBits() << (8 * k);
            }
        }
        else
        {
            var count = Math.Min(64, end - from);
            for (var i = 0; i < count; i++)
            {
                var c = chars[from + i];
                if (c == delimiter || c == '\n' || c == '\r') bits |= 1UL << i;
            }
        }
        var valid = end - from;
        mask = valid >= 64 ? bits : bits & ((1UL << valid) - 1);
    }

    private int ParseQuoted(int p)
    {
        var write = p;
        var read = p + 1;
        var openedOn = LinesBefore + linesInRow + 1;
        while (true)
        {
            var span = chars.AsSpan(rowStart + read, end - rowStart - read);
            var close = span.IndexOf(quote);
            if (close < 0)
            {
                linesInRow += span.Count('\n');
                span.CopyTo(chars.AsSpan(rowStart + write));
                write += span.Length;
                read += span.Length;
                if (!Fill()) throw new CsvFormatException(openedOn, RowsRead, $"the {quote} opened on this line is never closed (an unbalanced quote)");
                continue;
            }
            linesInRow += span[..close].Count('\n');
            span[..close].CopyTo(chars.AsSpan(rowStart + write));
            write += close;
            read += close + 1;
            if (rowStart + read >= end && !Fill()) break;
            if (chars[rowStart + read] != quote) break;
            chars[rowStart + write++] = quote;
            read++;
        }
        AddField(p, write - p);
        maskBase = -1;
        return read;
    }

    private void AddField(int start, int length)
    {
        if (FieldCount == starts.Length) GrowFields();
        starts[FieldCount] = start;
        lengths[FieldCount] = length;
        FieldCount++;
    }

    private void GrowFields()
    {
        Array.Resize(ref starts, starts.Length * 2);
        Array.Resize(ref lengths, lengths.Length * 2);
    }

    /// <summary>Moves the current partial row to the front, grows the buffer if the row fills it, reads more.</summary>
    private bool Fill()
    {
        if (streamDone) return false;
        maskBase = -1;
        if (rowStart > 0)
        {
            chars.AsSpan(rowStart, end - rowStart).CopyTo(chars);
            end -= rowStart;
            rowStart = 0;
        }
        if (end + 8 >= chars.Length)
        {
            if (chars.Length >= MaxRowChars) throw new CsvFormatException(LinesBefore + 1, RowsRead, $"a row is longer than {MaxRowChars} characters (is a quote left open?)");
            var bigger = ArrayPool<char>.Shared.Rent(chars.Length * 2);
            chars.AsSpan(0, end).CopyTo(bigger);
            ArrayPool<char>.Shared.Return(chars);
            chars = bigger;
        }
        while (true)
        {
            // Leave room for chars the decoder still holds from a sequence split across reads.
            var room = Math.Min(chars.Length - end - 4, bytes.Length);
            var read = stream.Read(bytes, 0, room);
            var flush = read == 0;
            decoder.Convert(bytes, 0, read, chars, end, chars.Length - end, flush, out _, out var produced, out _);
            if (first && produced > 0)
            {
                first = false;
                if (chars[end] == '\uFEFF')
                {
                    chars.AsSpan(end + 1, produced - 1).CopyTo(chars.AsSpan(end));
                    produced--;
                }
            }
            end += produced;
            if (flush) { streamDone = true; return produced > 0; }
            if (produced > 0) return true;
        }
    }

    public void Dispose()
    {
        ArrayPool<byte>.Shared.Return(bytes);
        ArrayPool<char>.Shared.Return(chars);
    }
}
