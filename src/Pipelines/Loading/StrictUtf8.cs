using System.Text;

namespace TrainingOrchestration.Pipelines.Loading;

/// <summary>
/// Reads a text file as UTF-8 and refuses invalid bytes instead of replacing them with U+FFFD (which would silently
/// change a SQL literal, a contract pattern or a YAML key), reporting the line and column of the first bad byte.
/// </summary>
public static class StrictUtf8
{
    private static readonly UTF8Encoding Strict = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>The text, or null with the 1-based line and column of the first byte that is not UTF-8.</summary>
    public static string? TryRead(string path, out (int Line, int Column) badAt)
    {
        var bytes = File.ReadAllBytes(path);
        badAt = default;
        try
        {
            var text = Strict.GetString(bytes);
            return text.Length > 0 && text[0] == '\uFEFF' ? text[1..] : text;
        }
        catch (DecoderFallbackException e)
        {
            var index = Math.Max(0, e.Index);
            var prefix = Encoding.UTF8.GetString(bytes, 0, Math.Min(index, bytes.Length));
            var line = prefix.Count(c => c == '\n') + 1;
            var column = prefix.Length - (prefix.LastIndexOf('\n') + 1) + 1;
            badAt = (line, column);
            return null;
        }
    }

    /// <summary>The standard message for a file that is not UTF-8.</summary>
    public static string Problem(string path, (int Line, int Column) at) =>
        $"{Path.GetFileName(path)} is not valid UTF-8 (first bad byte at line {at.Line}, column {at.Column}).";

    public const string Fix = "Save the file as UTF-8 (most editors: 'Save with encoding').";
}
