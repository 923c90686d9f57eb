using TrainingOrchestration.Pipelines.Spec;

namespace TrainingOrchestration.Tasks.Evaluation;

/// <summary>The metrics of a scored test split for its problem type: <see cref="ClassificationMetrics"/>,
/// <see cref="RegressionMetrics"/> or <see cref="MulticlassMetrics"/>.</summary>
public static class ProblemMetrics
{
    /// <param name="confusion">the binary confusion matrix at 0.5; null for the other types.</param>
    public static MetricSet Compute(PredictionSet predictions, out ConfusionMatrix? confusion)
    {
        confusion = null;
        switch (predictions.Problem)
        {
            case ProblemType.Regression:
                return RegressionMetrics.Compute(predictions.Targets, predictions.Scores);
            case ProblemType.Multiclass:
                return MulticlassMetrics.Compute(predictions.Targets, predictions.Probabilities, predictions.Classes);
            default:
                var metrics = ClassificationMetrics.Compute(predictions, out var binary);
                confusion = binary;
                return metrics;
        }
    }

    public static MetricSet Compute(PredictionSet predictions) => Compute(predictions, out _);
}
