using System.Globalization;

namespace TrainingOrchestration.Tasks.Evaluation;

/// <summary>
/// One line of a batch transform output, per problem type. The model's part is what SageMaker XGBoost 1.7-1 writes in
/// batch mode, <c>"\n".join(map(str, prediction.tolist()))</c> (sagemaker-xgboost-container 1.7-1,
/// src/sagemaker_xgboost_container/algorithm_mode/handler_service.py, <c>default_output_fn</c>): Python's text of a
/// float (<c>0.8999999761581421</c>) for binary:logistic and regression, and of a list for multi:softprob
/// (<c>[0.1, 0.2, 0.7]</c>). Batch transform then appends that to the input record (JoinSource Input) and applies the
/// OutputFilter (https://docs.aws.amazon.com/sagemaker/latest/dg/batch-transform-data-processing.html).
/// </summary>
public static class PredictionLine
{
    /// <summary><c>label,score</c>: label 0 or 1, score a probability (binary:logistic).</summary>
    public static (bool Label, double Score) Binary(string line, string where, int lineNumber)
    {
        var (labelText, scoreText) = Pair(line, where, lineNumber, "label,score");
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

    /// <summary><c>label,value</c>: both finite numbers (reg:* and count:poisson objectives).</summary>
    public static (double Label, double Value) Value(string line, string where, int lineNumber)
    {
        var (labelText, valueText) = Pair(line, where, lineNumber, "label,prediction");
        if (!double.TryParse(labelText, NumberStyles.Float, CultureInfo.InvariantCulture, out var label) || !double.IsFinite(label))
        {
            throw new PredictionFormatException(where, lineNumber, $"label '{labelText}' is not a number");
        }
        if (!double.TryParse(valueText, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) || !double.IsFinite(value))
        {
            throw new PredictionFormatException(where, lineNumber, $"prediction '{valueText}' is not a finite number");
        }
        return (label, value);
    }

    /// <summary>
    /// A multi:softprob line: the joined record <c>label,feature,...,[p0, p1, ...]</c>. The class is the first field and
    /// the probabilities are the bracketed list at the end. The list is read from the last <c>[</c> whether batch
    /// transform kept it as one CSV cell (quoted or not) or split it at its commas into cells <c>[p0</c>, <c> p1</c>,
    /// ...: joined back with commas each form is the same text, which is why the multi-class filter keeps the whole
    /// record rather than <c>$[0,-1]</c> (which, with the list split, would keep only the last class).
    /// </summary>
    public static (int Label, double[] Probabilities) Classes(string line, int classes, string where, int lineNumber)
    {
        var comma = line.IndexOf(',');
        var open = line.LastIndexOf('[');
        if (comma < 0 || open < comma)
        {
            throw new PredictionFormatException(where, lineNumber,
                $"expected 'label,...,[p0, p1, ...]' (the record joined with multi:softprob's class probabilities) but found '{Shorten(line)}'");
        }
        var labelText = line.AsSpan(0, comma).Trim();
        if (!int.TryParse(labelText, NumberStyles.Integer, CultureInfo.InvariantCulture, out var label)
            && !(double.TryParse(labelText, NumberStyles.Float, CultureInfo.InvariantCulture, out var asDouble) && asDouble == Math.Floor(asDouble) && (label = (int)asDouble) == asDouble))
        {
            throw new PredictionFormatException(where, lineNumber, $"label '{labelText}' is not a class number");
        }
        if (label < 0 || label >= classes)
        {
            throw new PredictionFormatException(where, lineNumber, $"label {label} is outside the classes 0..{classes - 1} (num_class {classes})");
        }
        var list = line.AsSpan(open + 1).TrimEnd().TrimEnd('"').TrimEnd();
        if (list.Length == 0 || list[^1] != ']')
        {
            throw new PredictionFormatException(where, lineNumber, $"the class probabilities '{Shorten(line[open..])}' do not end with ']'");
        }
        var parts = list[..^1].ToString().Split(',');
        if (parts.Length != classes)
        {
            throw new PredictionFormatException(where, lineNumber, $"{parts.Length} class probabilities but num_class is {classes}; the model must use objective multi:softprob with this num_class");
        }
        var probabilities = new double[classes];
        for (var k = 0; k < classes; k++)
        {
            if (!double.TryParse(parts[k].Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out probabilities[k]) || !(probabilities[k] is >= 0 and <= 1))
            {
                throw new PredictionFormatException(where, lineNumber, $"class {k}'s probability '{parts[k].Trim()}' is not a number in [0, 1]");
            }
        }
        return (label, probabilities);
    }

    private static (string Label, string Value) Pair(string line, string where, int lineNumber, string shape)
    {
        var comma = line.IndexOf(',');
        if (comma < 0 || line.IndexOf(',', comma + 1) >= 0)
        {
            throw new PredictionFormatException(where, lineNumber, $"expected '{shape}' but found '{Shorten(line)}'");
        }
        return (line[..comma].Trim(), line[(comma + 1)..].Trim().Trim('[').Trim(']'));
    }

    private static string Shorten(string line) => line.Length <= 80 ? line : line[..80] + "...";
}
