namespace TrainingOrchestration.Tasks.Evaluation.Comparison;

/// <summary>
/// Paired bootstrap of a metric's improvement: the same resampled rows (drawn with replacement, seeded, so a rerun
/// decides the same) are scored for both models, and the percentile interval of the improvement is reported
/// (Efron &amp; Tibshirani 1993, ch. 13). Used for every metric DeLong's test does not cover.
/// </summary>
public static class PairedBootstrap
{
    /// <param name="rows">how many rows the test split has.</param>
    /// <param name="metric">the metric over a multiset of row indices, for the candidate (true) or the champion (false);
    /// returns null when it is undefined on that resample (for example one class only), which is then drawn again.</param>
    public static PairedComparison Compare(string name, int rows, Func<int[], bool, double?> metric, bool lowerIsBetter,
        double confidenceLevel, int resamples, int seed)
    {
        var all = Enumerable.Range(0, rows).ToArray();
        var candidate = metric(all, true) ?? throw new InvalidOperationException($"{name} is undefined on the test split for the candidate");
        var champion = metric(all, false) ?? throw new InvalidOperationException($"{name} is undefined on the test split for the champion");
        var random = new Random(seed);
        var improvements = new double[resamples];
        var sample = new int[rows];
        for (int done = 0, attempts = 0; done < resamples; attempts++)
        {
            if (attempts > resamples * 10) throw new InvalidOperationException($"{name} is undefined on most resamples of the {rows}-row test split; it is too small to compare");
            for (var i = 0; i < rows; i++) sample[i] = random.Next(rows);
            if (metric(sample, true) is not { } a || metric(sample, false) is not { } b) continue;
            improvements[done++] = lowerIsBetter ? b - a : a - b;
        }
        Array.Sort(improvements);
        var alpha = (1 - confidenceLevel) / 2;
        return new PairedComparison(name, candidate, champion, lowerIsBetter ? champion - candidate : candidate - champion,
            Percentile(improvements, alpha), Percentile(improvements, 1 - alpha), confidenceLevel, "paired-bootstrap", resamples);
    }

    /// <summary>Linear interpolation between order statistics (numpy's default "linear" method).</summary>
    private static double Percentile(double[] sorted, double q)
    {
        var position = q * (sorted.Length - 1);
        var low = (int)Math.Floor(position);
        var high = Math.Min(low + 1, sorted.Length - 1);
        return sorted[low] + (sorted[high] - sorted[low]) * (position - low);
    }
}
