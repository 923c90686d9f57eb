using TrainingOrchestration.Pipelines.Spec;

namespace TrainingOrchestration.Tasks.Evaluation;

/// <summary>
/// Binary classification metrics from (label, probability) pairs, with the definitions scikit-learn uses so that
/// numbers can be cross-checked:
/// <list type="bullet">
/// <item>AUC: ROC area from ranks (Mann–Whitney U), tied scores sharing their average rank (= roc_auc_score).</item>
/// <item>PR-AUC: average precision, Σ (Rₙ − Rₙ₋₁)·Pₙ over distinct score thresholds, highest first, no
///   interpolation (= average_precision_score; not the trapezoidal area, which is optimistic).</item>
/// <item>Log loss: mean negative log-likelihood with probabilities clipped to [1e-15, 1 − 1e-15].</item>
/// <item>Brier: mean squared difference between probability and label.</item>
/// <item>Accuracy, precision, recall, F1 at threshold 0.5, positive when score &gt; 0.5 (XGBoost's rule for
///   <c>error</c>, so test-split accuracy and the training job's <c>1 − validation:error</c> agree).</item>
/// </list>
/// A metric that is undefined for the data (AUC with one class, precision with no predicted positives) is reported
/// as undefined with the reason, never as NaN or 0.
/// </summary>
public static class ClassificationMetrics
{
    public const double DecisionThreshold = ConfusionMatrix.DefaultThreshold;
    public const double LogLossEpsilon = 1e-15;

    public static MetricSet Compute(PredictionSet predictions, out ConfusionMatrix confusion)
    {
        var values = new Dictionary<string, double>(StringComparer.Ordinal);
        var undefined = new Dictionary<string, string>(StringComparer.Ordinal);
        confusion = Confuse(predictions);
        if (predictions.Count == 0)
        {
            foreach (var metric in ModelMetricNames.All) undefined[metric] = "the test split has no rows";
            return new MetricSet(values, undefined);
        }

        var classes = $"{predictions.Positives} positives and {predictions.Negatives} negatives in {predictions.Count} rows";
        var ascending = SortedIndices(predictions);
        if (predictions.Positives == 0 || predictions.Negatives == 0)
        {
            undefined[ModelMetricNames.Auc] = $"the test split has only one class ({classes})";
        }
        else
        {
            values[ModelMetricNames.Auc] = RocAuc(predictions, ascending);
        }
        if (predictions.Positives == 0) undefined[ModelMetricNames.PrAuc] = $"the test split has no positive labels ({classes})";
        else values[ModelMetricNames.PrAuc] = AveragePrecision(predictions, ascending);

        values[ModelMetricNames.LogLoss] = LogLoss(predictions);
        values[ModelMetricNames.Brier] = Brier(predictions);
        var (tp, fp, tn, fn) = (confusion.TruePositives, confusion.FalsePositives, confusion.TrueNegatives, confusion.FalseNegatives);
        values[ModelMetricNames.Accuracy] = (double)(tp + tn) / predictions.Count;
        if (tp + fp == 0) undefined[ModelMetricNames.Precision] = "no row is predicted positive (score > 0.5)";
        else values[ModelMetricNames.Precision] = (double)tp / (tp + fp);
        if (tp + fn == 0) undefined[ModelMetricNames.Recall] = "the test split has no positive labels";
        else values[ModelMetricNames.Recall] = (double)tp / (tp + fn);
        if (2 * tp + fp + fn == 0) undefined[ModelMetricNames.F1] = "no positive labels and no positive predictions";
        else values[ModelMetricNames.F1] = 2.0 * tp / (2 * tp + fp + fn);
        return new MetricSet(values, undefined);
    }

    /// <summary>ROC AUC = (Σ ranks of positives − P(P+1)/2) / (P·N), ranks 1-based, ties averaged.</summary>
    public static double RocAuc(PredictionSet predictions) => RocAuc(predictions, SortedIndices(predictions));

    private static double RocAuc(PredictionSet predictions, int[] order)
    {
        var scores = predictions.Scores;
        var labels = predictions.Labels;
        double positiveRankSum = 0;
        for (var start = 0; start < order.Length;)
        {
            var end = start;
            while (end + 1 < order.Length && scores[order[end + 1]] == scores[order[start]]) end++;
            var averageRank = (start + end + 2) / 2.0;
            for (var i = start; i <= end; i++)
            {
                if (labels[order[i]]) positiveRankSum += averageRank;
            }
            start = end + 1;
        }
        double positives = predictions.Positives;
        double negatives = predictions.Negatives;
        return (positiveRankSum - positives * (positives + 1) / 2) / (positives * negatives);
    }

    /// <summary>Average precision: recall steps times the precision at each distinct threshold.</summary>
    public static double AveragePrecision(PredictionSet predictions) => AveragePrecision(predictions, SortedIndices(predictions));

    /// <param name="ascending">row indices by ascending score; walked from the end (highest score first).</param>
    private static double AveragePrecision(PredictionSet predictions, int[] ascending)
    {
        var scores = predictions.Scores;
        var labels = predictions.Labels;
        long truePositives = 0, falsePositives = 0;
        double previousRecall = 0, sum = 0;
        for (var start = ascending.Length - 1; start >= 0;)
        {
            var end = start;
            while (end - 1 >= 0 && scores[ascending[end - 1]] == scores[ascending[start]]) end--;
            for (var i = start; i >= end; i--)
            {
                if (labels[ascending[i]]) truePositives++;
                else falsePositives++;
            }
            var recall = (double)truePositives / predictions.Positives;
            var precision = (double)truePositives / (truePositives + falsePositives);
            sum += (recall - previousRecall) * precision;
            previousRecall = recall;
            start = end - 1;
        }
        return sum;
    }

    public static double LogLoss(PredictionSet predictions)
    {
        var scores = predictions.Scores;
        var labels = predictions.Labels;
        double total = 0;
        for (var i = 0; i < predictions.Count; i++)
        {
            var p = Math.Clamp(scores[i], LogLossEpsilon, 1 - LogLossEpsilon);
            total -= labels[i] ? Math.Log(p) : Math.Log(1 - p);
        }
        return total / predictions.Count;
    }

    public static double Brier(PredictionSet predictions)
    {
        var scores = predictions.Scores;
        var labels = predictions.Labels;
        double total = 0;
        for (var i = 0; i < predictions.Count; i++)
        {
            var difference = scores[i] - (labels[i] ? 1 : 0);
            total += difference * difference;
        }
        return total / predictions.Count;
    }

    private static ConfusionMatrix Confuse(PredictionSet predictions)
    {
        long tp = 0, fp = 0, tn = 0, fn = 0;
        var scores = predictions.Scores;
        var labels = predictions.Labels;
        for (var i = 0; i < predictions.Count; i++)
        {
            var predicted = ConfusionMatrix.PredictsPositive(scores[i], DecisionThreshold);
            if (predicted && labels[i]) tp++;
            else if (predicted) fp++;
            else if (labels[i]) fn++;
            else tn++;
        }
        return new ConfusionMatrix(tp, fp, tn, fn);
    }

    /// <summary>Row indices ordered by ascending score (one sort serves both rank metrics).</summary>
    private static int[] SortedIndices(PredictionSet predictions)
    {
        var keys = predictions.Scores.ToArray();
        var order = new int[keys.Length];
        for (var i = 0; i < order.Length; i++) order[i] = i;
        Array.Sort(keys, order);
        return order;
    }
}
