using TrainingOrchestration.Pipelines.Spec;
using TrainingOrchestration.Tasks.Ports;

namespace TrainingOrchestration.Tasks.Evaluation;

/// <summary>
/// Reads the batch transform output of the test split: every <c>*.out</c> object under the predictions prefix (the
/// transform names its output after each input file plus <c>.out</c>), one line per row in the form the problem type's
/// <c>ScoreTestSplit</c> filters produce (<see cref="PredictionLine"/>): <c>label,probability</c> (binary),
/// <c>label,value</c> (regression), or the whole joined record ending in the class probabilities (multi-class). Blank
/// lines, including the trailing one, are skipped; any other malformed line is an error naming the object and line.
/// </summary>
public sealed class PredictionReader(IObjectStore store)
{
    public const string OutputSuffix = ".out";

    /// <param name="classes">num_class for a multi-class model; ignored for the other types.</param>
    public async Task<PredictionSet> ReadAsync(string bucket, string prefix, ProblemType problem = ProblemType.Binary, int classes = 0,
        CancellationToken cancellationToken = default)
    {
        var predictions = new PredictionSet(problem, classes);
        await foreach (var item in store.ListAsync(bucket, prefix, cancellationToken).ConfigureAwait(false))
        {
            if (!item.Key.EndsWith(OutputSuffix, StringComparison.Ordinal)) continue;
            await using var stream = await store.OpenReadAsync(bucket, item.Key, cancellationToken).ConfigureAwait(false);
            using var reader = new StreamReader(stream);
            var where = $"s3://{bucket}/{item.Key}";
            var lineNumber = 0;
            while (await reader.ReadLineAsync(cancellationToken).ConfigureAwait(false) is { } line)
            {
                lineNumber++;
                if (string.IsNullOrWhiteSpace(line)) continue;
                switch (problem)
                {
                    case ProblemType.Binary:
                        var (label, score) = Parse(line, where, lineNumber);
                        predictions.Add(label, score);
                        break;
                    case ProblemType.Regression:
                        var (target, value) = PredictionLine.Value(line, where, lineNumber);
                        predictions.AddValue(target, value);
                        break;
                    default:
                        var (@class, probabilities) = PredictionLine.Classes(line, classes, where, lineNumber);
                        predictions.AddClass(@class, probabilities);
                        break;
                }
            }
        }
        return predictions;
    }

    /// <summary>Parses one binary <c>label,score</c> line; <paramref name="where"/> names the file in errors.</summary>
    public static (bool Label, double Score) Parse(string line, string where, int lineNumber) => PredictionLine.Binary(line, where, lineNumber);
}
