using System.Globalization;

namespace TrainingOrchestration.LocalRuntime.SageMaker;

/// <summary>
/// Reads CSV records into memory the way the container's serving code decodes a <c>text/csv</c> payload
/// (encoder.py <c>csv_to_dmatrix</c>: a numpy array of the cells cast to float, an empty cell NaN, so a cell that is not
/// a number fails): no header, label in the first column for labelled data. Used by batch transform, serving,
/// explanations and tests; training channels are read by XGBoost itself (<see cref="Xgboost.DMatrix.LoadCsv"/>).
/// A bad record fails with a ClientError naming the file and line.
/// </summary>
public static class CsvChannelReader
{
    public static ChannelData Read(string channel, IReadOnlyList<string> files, bool labelled) =>
        Read(channel, files.Select(f => (f, File.ReadLines(f))), labelled);

    /// <summary>Reads records already in memory; <c>Source</c> names where they came from in error messages.</summary>
    /// <param name="firstLine">The line number of each source's first line (a later mini-batch of a file starts further on).</param>
    public static ChannelData Read(string channel, IEnumerable<(string Source, IEnumerable<string> Lines)> sources, bool labelled, int firstLine = 1)
    {
        var labels = new List<float>();
        var features = new List<float>();
        var width = -1;
        foreach (var (file, lines) in sources)
        {
            var lineNumber = firstLine - 1;
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
