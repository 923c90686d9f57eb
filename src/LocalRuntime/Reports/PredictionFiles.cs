using System.Globalization;

namespace TrainingOrchestration.LocalRuntime.Reports;

/// <summary>Reads the batch transform's output (<c>*.out</c>, lines <c>label,score</c>) for the report's charts.</summary>
public static class PredictionFiles
{
    public static IReadOnlyList<ScoredRecord> Read(string directory)
    {
        if (!Directory.Exists(directory)) return [];
        var records = new List<ScoredRecord>();
        foreach (var file in Directory.EnumerateFiles(directory, "*.out", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            var line = 0;
            foreach (var text in File.ReadLines(file))
            {
                line++;
                if (text.Length == 0) continue;
                var cells = text.Split(',');
                if (cells.Length < 2
                    || !float.TryParse(cells[0], NumberStyles.Float, CultureInfo.InvariantCulture, out var label)
                    || !float.TryParse(cells[^1], NumberStyles.Float, CultureInfo.InvariantCulture, out var score))
                {
                    throw new FormatException($"{file}, line {line}: expected 'label,score', found '{text}'");
                }
                records.Add(new ScoredRecord(label, score));
            }
        }
        return records;
    }
}
