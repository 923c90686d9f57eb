using System.Globalization;
using TrainingOrchestration.Tasks.Evaluation;

namespace TrainingOrchestration.LocalRuntime.Reports;

/// <summary>Reads the batch transform's output (<c>*.out</c>): binary lines <c>label,score</c> for the report's charts, or a
/// multi-class model's joined records (<see cref="PredictionLine.Classes"/>) for its confusion matrix.</summary>
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

    /// <summary>Rows by true class and most probable class over every multi-class output line; null when there is none.</summary>
    public static int[,]? ReadClassConfusion(string directory, int classes)
    {
        if (!Directory.Exists(directory)) return null;
        var labels = new List<double>();
        var probabilities = new List<double>();
        foreach (var file in Directory.EnumerateFiles(directory, "*.out", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            var line = 0;
            foreach (var text in File.ReadLines(file))
            {
                line++;
                if (text.Length == 0) continue;
                var (label, row) = PredictionLine.Classes(text, classes, file, line);
                labels.Add(label);
                probabilities.AddRange(row);
            }
        }
        return labels.Count == 0 ? null : MulticlassMetrics.Confusion(labels.ToArray(), probabilities.ToArray(), classes);
    }
}
