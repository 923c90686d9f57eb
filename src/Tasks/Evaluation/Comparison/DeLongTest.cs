namespace TrainingOrchestration.Tasks.Evaluation.Comparison;

/// <summary>
/// DeLong, DeLong and Clarke-Pearson (1988), "Comparing the areas under two or more correlated receiver operating
/// characteristic curves: a nonparametric approach", Biometrics 44(3): the variance of the difference of two AUCs
/// measured on the same rows, from the structural components V10 (one per positive) and V01 (one per negative).
/// The interval for AUC(candidate) − AUC(champion) is the normal one, difference ± z·SE, as pROC's roc.test reports it.
/// </summary>
public static class DeLongTest
{
    public static PairedComparison Compare(ReadOnlySpan<bool> labels, ReadOnlySpan<double> candidate, ReadOnlySpan<double> champion, double confidenceLevel)
    {
        var positives = new List<int>();
        var negatives = new List<int>();
        for (var i = 0; i < labels.Length; i++) (labels[i] ? positives : negatives).Add(i);
        if (positives.Count < 2 || negatives.Count < 2)
        {
            throw new InvalidOperationException($"DeLong's test needs at least two rows of each class (found {positives.Count} positives, {negatives.Count} negatives)");
        }
        var (aucA, v10A, v01A) = Components(candidate, positives, negatives);
        var (aucB, v10B, v01B) = Components(champion, positives, negatives);
        var s10 = Covariance(v10A, v10B, aucA, aucB);
        var s01 = Covariance(v01A, v01B, aucA, aucB);
        var variance = (s10.AA + s10.BB - 2 * s10.AB) / positives.Count + (s01.AA + s01.BB - 2 * s01.AB) / negatives.Count;
        var se = Math.Sqrt(Math.Max(variance, 0));
        var z = NormalDistribution.Quantile(0.5 + confidenceLevel / 2);
        var difference = aucA - aucB;
        return new PairedComparison(ModelMetricNamesAuc, aucA, aucB, difference, difference - z * se, difference + z * se, confidenceLevel, "delong", 0);
    }

    private const string ModelMetricNamesAuc = Pipelines.Spec.ModelMetricNames.Auc;

    /// <summary>AUC and the structural components: V10ᵢ = mean over negatives of ψ(positiveᵢ, ·), V01ⱼ likewise.</summary>
    private static (double Auc, double[] V10, double[] V01) Components(ReadOnlySpan<double> scores, List<int> positives, List<int> negatives)
    {
        var v10 = new double[positives.Count];
        var v01 = new double[negatives.Count];
        for (var i = 0; i < positives.Count; i++)
        {
            var x = scores[positives[i]];
            for (var j = 0; j < negatives.Count; j++)
            {
                var y = scores[negatives[j]];
                var psi = x > y ? 1.0 : x == y ? 0.5 : 0.0;
                v10[i] += psi;
                v01[j] += psi;
            }
        }
        for (var i = 0; i < v10.Length; i++) v10[i] /= negatives.Count;
        for (var j = 0; j < v01.Length; j++) v01[j] /= positives.Count;
        return (v10.Average(), v10, v01);
    }

    private static (double AA, double BB, double AB) Covariance(double[] a, double[] b, double meanA, double meanB)
    {
        double aa = 0, bb = 0, ab = 0;
        for (var i = 0; i < a.Length; i++)
        {
            aa += (a[i] - meanA) * (a[i] - meanA);
            bb += (b[i] - meanB) * (b[i] - meanB);
            ab += (a[i] - meanA) * (b[i] - meanB);
        }
        var n = a.Length - 1;
        return (aa / n, bb / n, ab / n);
    }
}
