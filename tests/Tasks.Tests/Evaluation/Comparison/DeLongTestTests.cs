using TrainingOrchestration.Tasks.Evaluation;
using TrainingOrchestration.Tasks.Evaluation.Comparison;

namespace TrainingOrchestration.Tasks.Tests.Evaluation.Comparison;

public sealed class DeLongTestTests
{
    [Fact]
    public void The_aucs_are_the_rank_aucs_of_each_model_on_the_same_rows()
    {
        var (labels, strong, weak) = ScoredRows.Simulate(600, seed: 1);

        var result = DeLongTest.Compare(labels, strong, weak, 0.95);

        Assert.Equal(ClassificationMetrics.RocAuc(Set(labels, strong)), result.Candidate, 12);
        Assert.Equal(ClassificationMetrics.RocAuc(Set(labels, weak)), result.Champion, 12);
        Assert.Equal(result.Candidate - result.Champion, result.Improvement, 12);
    }

    [Fact]
    public void A_clearly_better_candidate_has_an_interval_above_zero()
    {
        var (labels, strong, weak) = ScoredRows.Simulate(700, seed: 2);

        var result = DeLongTest.Compare(labels, strong, weak, 0.95);

        Assert.True(result.Lower > 0, $"interval [{result.Lower}, {result.Upper}]");
        Assert.True(result.Clears(0.005));
    }

    [Fact]
    public void The_same_model_against_itself_has_no_improvement_and_a_zero_width_interval()
    {
        var (labels, strong, _) = ScoredRows.Simulate(300, seed: 3);

        var result = DeLongTest.Compare(labels, strong, strong, 0.95);

        Assert.Equal(0, result.Improvement, 12);
        Assert.Equal(0, result.Upper - result.Lower, 9);
        Assert.False(result.Clears(0.002));
    }

    [Fact]
    public void The_standard_error_agrees_with_a_paired_bootstrap_of_the_same_difference()
    {
        var (labels, strong, weak) = ScoredRows.Simulate(1500, seed: 4, strongSignal: 1.0, weakSignal: 0.8);

        var delong = DeLongTest.Compare(labels, strong, weak, 0.95);
        var bootstrap = PairedBootstrap.Compare("auc", labels.Length,
            (rows, candidate) => Auc(labels, candidate ? strong : weak, rows), lowerIsBetter: false, 0.95, resamples: 600, seed: 9);

        var delongWidth = delong.Upper - delong.Lower;
        var bootstrapWidth = bootstrap.Upper - bootstrap.Lower;
        Assert.InRange(delongWidth / bootstrapWidth, 0.8, 1.25);
    }

    [Fact]
    public void Too_few_rows_of_a_class_is_an_error_that_says_how_many()
    {
        var error = Assert.Throws<InvalidOperationException>(() => DeLongTest.Compare([true, false, false], [0.9, 0.1, 0.2], [0.8, 0.3, 0.1], 0.95));

        Assert.Contains("1 positives", error.Message);
    }

    internal static double? Auc(bool[] labels, double[] scores, int[] rows)
    {
        var set = new PredictionSet();
        foreach (var row in rows) set.Add(labels[row], scores[row]);
        return set.Positives == 0 || set.Negatives == 0 ? null : ClassificationMetrics.RocAuc(set);
    }

    private static PredictionSet Set(bool[] labels, double[] scores)
    {
        var set = new PredictionSet();
        for (var i = 0; i < labels.Length; i++) set.Add(labels[i], scores[i]);
        return set;
    }
}
