namespace TrainingOrchestration.LocalRuntime.Reports;

/// <summary>ROC points (false positive rate, true positive rate) swept over every distinct score, and the area under them.</summary>
public sealed record RocCurve(IReadOnlyList<double> FalsePositiveRates, IReadOnlyList<double> TruePositiveRates)
{
    public static RocCurve From(IReadOnlyList<ScoredRecord> records)
    {
        var positives = records.Count(r => r.Label > 0.5f);
        var negatives = records.Count - positives;
        var fpr = new List<double> { 0 };
        var tpr = new List<double> { 0 };
        if (positives == 0 || negatives == 0) return new RocCurve(fpr, tpr);
        var sorted = records.OrderByDescending(r => r.Score).ToList();
        int tp = 0, fp = 0;
        for (var i = 0; i < sorted.Count; i++)
        {
            if (sorted[i].Label > 0.5f) tp++; else fp++;
            if (i + 1 < sorted.Count && sorted[i + 1].Score == sorted[i].Score) continue;
            fpr.Add(fp / (double)negatives);
            tpr.Add(tp / (double)positives);
        }
        return new RocCurve(fpr, tpr);
    }

    /// <summary>Trapezoidal area; equals the rank-statistic AUC because tied scores form one step.</summary>
    public double Area()
    {
        double area = 0;
        for (var i = 1; i < FalsePositiveRates.Count; i++)
        {
            area += (FalsePositiveRates[i] - FalsePositiveRates[i - 1]) * (TruePositiveRates[i] + TruePositiveRates[i - 1]) / 2;
        }
        return area;
    }
}
