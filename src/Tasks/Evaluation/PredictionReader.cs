using System.Globalization;
using TrainingOrchestration.Tasks.Ports;

namespace TrainingOrchestration.Tasks.Evaluation;

/// <summary>
/// Reads the batch transform output of the test split: every <c>*.out</c> object under the predictions prefix
/// (the transform names its output after each input file plus <c>.out</c>), one line <c>label,score</c> per row
/// (the input joined with the prediction, filtered to the first and last column). Blank lines, including the
/// trailing one, are skipped; any other malformed line is an error naming the object and line.
/// </summary>
public sealed class PredictionReader(IObjectStore store)
{
    public const string OutputSuffix = ".out";

    public async Task<PredictionSet> ReadAsync(string bucket, string prefix, CancellationToken cancellationToken = default)
    {
        var predictions = new PredictionSet();
        await foreach (var item in store.ListAsync(bucket, prefix, cancellationToken).ConfigureAwait(false))
        {
            if (!item.Key.EndsWith(OutputSuffix, StringComparison.Ordinal)) continue;
            await using var stream = await store.OpenReadAsync(bucket, item.Key, cancellationToken).ConfigureAwait(false);
            using var reader = new StreamReader(stream);
            var lineNumber = 0;
            while (await reader.ReadLineAsync(cancellationToken).ConfigureAwait(false) is { } line)
            {
                lineNumber++;
                if (string.IsNullOrWhiteSpace(line)) continue;
                var (label, score) = Parse(line, $"s3://{bucket}/{item.Key}", lineNumber);
                predictions.Add(label, score);
            }
        }
        return predictions;
    }

    /// <summary>Parses one <c>label,score</c> line; <paramref name="where"/> names the file in errors.</summary>
    public static (bool Label, double Score) Parse(string line, string where, int lineNumber)
    {
        var comma = line.IndexOf(',');
        if (comma < 0 || line.IndexOf(',', comma + 1) >= 0)
        {
            throw new PredictionFormatException(where, lineNumber, $"expected 'label,score' but found '{Shorten(line)}'");
        }
        var labelText = line.AsSpan(0, comma).Trim();
        var scoreText = line.AsSpan(comma + 1).Trim().Trim('[').Trim(']');
        if (!double.TryParse(labelText, NumberStyles.Float, CultureInfo.InvariantCulture, out var label) || label is not (0 or 1))
        {
            throw new PredictionFormatException(where, lineNumber, $"label '{labelText}' is not 0 or 1");
        }
        if (!double.TryParse(scoreText, NumberStyles.Float, CultureInfo.InvariantCulture, out var score) || !(score is >= 0 and <= 1))
        {
            throw new PredictionFormatException(where, lineNumber,
                $"score '{scoreText}' is not a probability in [0, 1]; the model must use objective binary:logistic");
        }
        return (label == 1, score);
    }

    private static string Shorten(string line) => line.Length <= 80 ? line : line[..80] + "...";
}
