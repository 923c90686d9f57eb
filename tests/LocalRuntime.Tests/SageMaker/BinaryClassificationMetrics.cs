namespace TrainingOrchestration.LocalRuntime.Tests.SageMaker;

/// <summary>AUC (rank statistic) and log loss, computed independently of XGBoost to check its models and the report.</summary>
public static class BinaryClassificationMetrics
{
    /// <summary>Area under the ROC curve by the rank statistic; tied scores share their average rank.</summary>
    public static double Auc(IReadOnlyList<float> labels, IReadOnlyList<float> scores)
    {
        var order = Enumerable.Range(0, scores.Count).OrderBy(i => scores[i]).ToArray();
        double positives = 0, negatives = 0, rankSum = 0;
        var i = 0;
        while (i < order.Length)
        {
            var j = i;
            while (j + 1 < order.Length && scores[order[j + 1]] == scores[order[i]]) j++;
            var averageRank = (i + j) / 2.0 + 1;
            for (var k = i; k <= j; k++)
            {
                if (labels[order[k]] > 0.5f) { positives++; rankSum += averageRank; }
                else negatives++;
            }
            i = j + 1;
        }
        if (positives == 0 || negatives == 0) return double.NaN;
        return (rankSum - positives * (positives + 1) / 2) / (positives * negatives);
    }

    /// <summary>Mean negative log likelihood in nats, probabilities clipped to [1e-15, 1 - 1e-15].</summary>
    public static double LogLoss(IReadOnlyList<float> labels, IReadOnlyList<float> probabilities)
    {
        if (labels.Count == 0) return double.NaN;
        double sum = 0;
        for (var i = 0; i < labels.Count; i++)
        {
            var p = Math.Clamp(probabilities[i], 1e-15, 1 - 1e-15);
            sum += labels[i] > 0.5f ? -Math.Log(p) : -Math.Log(1 - p);
        }
        return sum / labels.Count;
    }
}
