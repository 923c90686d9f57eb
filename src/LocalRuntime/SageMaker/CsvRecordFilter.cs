using System.Globalization;

namespace TrainingOrchestration.LocalRuntime.SageMaker;

/// <summary>
/// The JSONPath subset SageMaker batch transform applies to CSV records (which it treats as arrays) in
/// <c>DataProcessing.InputFilter</c> / <c>OutputFilter</c>: <c>$</c>, <c>$[i]</c>, <c>$[i,j,...]</c> and slices
/// <c>$[a:b]</c>, with negative indexes counting from the end.
/// </summary>
public sealed class CsvRecordFilter
{
    private readonly Func<int, IEnumerable<int>> _select;

    private CsvRecordFilter(Func<int, IEnumerable<int>> select) => _select = select;

    public static CsvRecordFilter All { get; } = new(n => Enumerable.Range(0, n));

    public static CsvRecordFilter Parse(string? expression)
    {
        var text = (expression ?? "$").Replace(" ", "", StringComparison.Ordinal);
        if (text == "$") return All;
        if (!text.StartsWith("$[", StringComparison.Ordinal) || !text.EndsWith(']'))
        {
            throw AlgorithmFailure.Client($"Unsupported JSONPath filter '{expression}' for CSV records: use $, $[i], $[i,j] or $[a:b].");
        }
        var body = text[2..^1];
        if (body.Contains(':', StringComparison.Ordinal))
        {
            var parts = body.Split(':');
            if (parts.Length != 2) throw AlgorithmFailure.Client($"Unsupported JSONPath slice '{expression}'.");
            int? start = parts[0].Length == 0 ? null : Index(parts[0], expression);
            int? end = parts[1].Length == 0 ? null : Index(parts[1], expression);
            return new CsvRecordFilter(n =>
            {
                var from = Resolve(start ?? 0, n);
                var to = Resolve(end ?? n, n);
                return Enumerable.Range(from, Math.Max(0, to - from));
            });
        }
        var indexes = body.Split(',').Select(p => Index(p, expression)).ToArray();
        return new CsvRecordFilter(n => indexes.Select(i => i < 0 ? n + i : i).Where(i => i >= 0 && i < n));
    }

    public string[] Apply(string[] cells) => _select(cells.Length).Select(i => cells[i]).ToArray();

    private static int Resolve(int index, int length) => Math.Clamp(index < 0 ? length + index : index, 0, length);

    private static int Index(string text, string? expression) =>
        int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value)
            ? value
            : throw AlgorithmFailure.Client($"Unsupported JSONPath filter '{expression}': '{text}' is not an index.");
}
