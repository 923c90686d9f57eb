namespace TrainingOrchestration.LocalRuntime.Reports;

/// <summary>Counts of a binary classifier's outcomes at a decision threshold (score &gt;= threshold is positive).</summary>
public sealed record ConfusionMatrix(int TruePositives, int FalsePositives, int TrueNegatives, int FalseNegatives, double Threshold)
{
    public static ConfusionMatrix From(IReadOnlyList<ScoredRecord> records, double threshold)
    {
        int tp = 0, fp = 0, tn = 0, fn = 0;
        foreach (var r in records)
        {
            var predicted = r.Score >= threshold;
            var actual = r.Label > 0.5f;
            if (predicted && actual) tp++;
            else if (predicted) fp++;
            else if (actual) fn++;
            else tn++;
        }
        return new ConfusionMatrix(tp, fp, tn, fn, threshold);
    }

    public int Total => TruePositives + FalsePositives + TrueNegatives + FalseNegatives;
}
