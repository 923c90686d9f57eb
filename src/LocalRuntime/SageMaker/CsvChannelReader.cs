using System.Globalization;

namespace TrainingOrchestration.LocalRuntime.SageMaker;

/// <summary>
/// Reads the files of a channel the way SageMaker's XGBoost container reads <c>text/csv</c>: no header, label in the
/// first column (for training channels), numbers only, an empty cell is a missing value. Anything else fails the job
/// with the ClientError the container reports, naming the file and line.
/// </summary>
public static class CsvChannelReader
{
    public static ChannelData Read(string channel, IReadOnlyList<string> files, bool labelled) =>
        Read(channel, files.Select(f => (f, File.ReadLines(f))), labelled);

    /// <summary>Reads records already in memory; <c>Source</c> names where they came from in error messages.</summary>
    public static ChannelData Read(string channel, IEnumerable<(string Source, IEnumerable<string> Lines)> sources, bool labelled)
    {
        var labels = new List<float>();
        var features = new List<float>();
        var width = -1;
        foreach (var (file, lines) in sources)
        {
            var lineNumber = 0;
            foreach (var line in lines)
            {
                lineNumber++;
                if (line.Length == 0) continue;
                var cells = line.Split(',');
                var featureCount = labelled ? cells.Length - 1 : cells.Length;
                if (width < 0) width = featureCount;
                if (featureCount != width)
                {
                    throw AlgorithmFailure.Client($"Unable to read data channel '{channel}'. Requested content-type is 'csv'. " +
                        $"Row {lineNumber} of {Path.GetFileName(file)} has {cells.Length} columns, expected {width + (labelled ? 1 : 0)}.");
                }
                for (var i = 0; i < cells.Length; i++)
                {
                    var value = Parse(cells[i], channel, file, lineNumber, i);
                    if (labelled && i == 0)
                    {
                        if (float.IsNaN(value))
                        {
                            throw AlgorithmFailure.Client($"Unable to read data channel '{channel}'. Row {lineNumber} of {Path.GetFileName(file)} has no label.");
                        }
                        labels.Add(value);
                    }
                    else features.Add(value);
                }
            }
        }
        return new ChannelData(channel, Math.Max(width, 0), labels.ToArray(), features.ToArray());
    }

    private static float Parse(string cell, string channel, string file, int line, int column)
    {
        if (cell.Length == 0) return float.NaN;
        if (float.TryParse(cell, NumberStyles.Float, CultureInfo.InvariantCulture, out var value)) return value;
        throw AlgorithmFailure.Client($"Unable to read data channel '{channel}'. Requested content-type is 'csv'. Please verify the data " +
            $"matches the requested content-type. (caused by ValueError: could not convert string to float: '{cell}' at " +
            $"{Path.GetFileName(file)} line {line}, column {column + 1})");
    }
}
