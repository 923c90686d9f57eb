using TrainingOrchestration.Tasks.Evaluation.Comparison;

namespace TrainingOrchestration.Tasks.Tests.Evaluation.Comparison;

public sealed class PairedBootstrapTests
{
    [Fact]
    public void The_same_seed_gives_the_same_interval_so_a_rerun_decides_the_same()
    {
        var (labels, strong, weak) = ScoredRows.Simulate(400, seed: 5);

        var first = Compare(labels, strong, weak, seed: 42);
        var second = Compare(labels, strong, weak, seed: 42);

        Assert.Equal(first, second);
    }

    [Fact]
    public void Two_equally_good_models_have_an_interval_around_zero_and_are_not_promoted()
    {
        var (labels, a, _) = ScoredRows.Simulate(500, seed: 6);
        var (_, b, _) = ScoredRows.Simulate(500, seed: 6, strongSignal: 1.5);
        var noisy = b.Select((s, i) => Math.Clamp(s + (i % 7 - 3) * 0.01, 0, 1)).ToArray();

        var result = Compare(labels, noisy, a, seed: 1);

        Assert.True(result.Lower < 0 && result.Upper > 0, $"[{result.Lower}, {result.Upper}]");
        Assert.False(result.Clears(0.002));
    }

    [Fact]
    public void A_lower_is_better_metric_counts_a_drop_as_an_improvement()
    {
        double[] truth = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12];
        var good = truth.Select(t => t + 0.1).ToArray();
        var bad = truth.Select(t => t + 2).ToArray();

        var result = PairedBootstrap.Compare("mae", truth.Length,
            (rows, candidate) => rows.Average(r => Math.Abs((candidate ? good : bad)[r] - truth[r])), lowerIsBetter: true, 0.9, 200, 3);

        Assert.Equal(1.9, result.Improvement, 9);
        Assert.True(result.Lower > 1.8);
    }

    private static PairedComparison Compare(bool[] labels, double[] candidate, double[] champion, int seed) =>
        PairedBootstrap.Compare("auc", labels.Length, (rows, isCandidate) => DeLongTestTests.Auc(labels, isCandidate ? candidate : champion, rows),
            lowerIsBetter: false, 0.95, 300, seed);
}
