using TrainingOrchestration.Pipelines.Spec;
using TrainingOrchestration.Tasks.Evaluation;
using TrainingOrchestration.Tasks.Evaluation.Comparison;
using TrainingOrchestration.Tasks.Tests.Support;

namespace TrainingOrchestration.Tasks.Tests.Evaluation;

public sealed class GateTests
{
    private static MetricSet Metrics(params (string Name, double Value)[] values) =>
        new(values.ToDictionary(v => v.Name, v => v.Value), new Dictionary<string, string>());

    private static ChampionOnSplit Compared(PairedComparison comparison) =>
        new("20261101T0000-abcdef", Metrics((comparison.Metric, comparison.Champion)), comparison, null);

    [Fact]
    public void Thresholds_are_inclusive_bounds()
    {
        var thresholds = new Dictionary<string, MetricThreshold> { ["auc"] = new(0.7, null), ["log_loss"] = new(null, 0.6) };

        var verdict = ThresholdGate.Check(Metrics(("auc", 0.7), ("log_loss", 0.6)), thresholds);

        Assert.True(verdict.Passed);
        Assert.All(verdict.Results, r => Assert.True(r.Passed));
    }

    [Fact]
    public void Each_failed_threshold_is_named_with_its_value_and_bound()
    {
        var thresholds = new Dictionary<string, MetricThreshold> { ["auc"] = new(0.7, null), ["log_loss"] = new(null, 0.6) };

        var verdict = ThresholdGate.Check(Metrics(("auc", 0.65), ("log_loss", 0.61)), thresholds);

        Assert.Equal(["auc 0.65 < min 0.7", "log_loss 0.61 > max 0.6"], verdict.Failures);
    }

    [Fact]
    public void A_threshold_on_a_missing_metric_fails_with_the_reason_it_is_missing()
    {
        var undefined = new MetricSet(new Dictionary<string, double>(), new Dictionary<string, string> { ["auc"] = "the test split has only one class" });

        var verdict = ThresholdGate.Check(undefined, new Dictionary<string, MetricThreshold> { ["auc"] = new(0.5, null) });

        var result = Assert.Single(verdict.Results);
        Assert.False(result.Passed);
        Assert.Null(result.Observed);
        Assert.Equal("auc is undefined: the test split has only one class", Assert.Single(verdict.Failures));
    }

    [Fact]
    public void Without_a_champion_the_candidate_wins()
    {
        var verdict = ChampionGate.Compare(new Dictionary<string, double> { ["auc"] = 0.8 }, null, PipelineSpecs.Evaluation());

        Assert.True(verdict.CandidateWins);
        Assert.Contains("no champion", verdict.Reason);
    }

    [Theory]
    [InlineData(0.006, true)]
    [InlineData(0.005, true)]
    [InlineData(0.0049, false)]
    [InlineData(-0.01, false)]
    public void The_lower_bound_of_the_improvement_must_reach_the_margin(double lower, bool wins)
    {
        var verdict = ChampionGate.Compare(new Dictionary<string, double> { ["auc"] = 0.85 }, Compared(new PairedComparison("auc", 0.85, 0.80, 0.05, lower, 0.09, 0.95, "delong", 0)),
            PipelineSpecs.Evaluation(margin: 0.005));

        Assert.Equal(wins, verdict.CandidateWins);
        Assert.Equal(wins ? "PROMOTE" : "REJECT", verdict.Champion!.Decision);
        Assert.Equal(0.05, verdict.Champion.Difference);
        Assert.Equal(lower, verdict.Champion.Interval!.Lower);
    }

    [Fact]
    public void A_candidate_better_on_average_but_within_the_noise_keeps_the_champion()
    {
        var verdict = ChampionGate.Compare(new Dictionary<string, double> { ["auc"] = 0.83 }, Compared(new PairedComparison("auc", 0.83, 0.80, 0.03, -0.01, 0.07, 0.95, "delong", 0)),
            PipelineSpecs.Evaluation(margin: 0.002));

        Assert.False(verdict.CandidateWins);
        Assert.Contains("95% interval [-0.01, 0.07]", verdict.Reason);
        Assert.Contains("not clearly better", verdict.Reason);
    }

    [Fact]
    public void For_lower_is_better_metrics_the_reason_says_so()
    {
        var verdict = ChampionGate.Compare(new Dictionary<string, double> { ["log_loss"] = 0.40 },
            Compared(new PairedComparison("log_loss", 0.40, 0.45, 0.05, 0.04, 0.06, 0.9, "paired-bootstrap", 1000)),
            PipelineSpecs.Evaluation(primaryMetric: "log_loss", margin: 0.03));

        Assert.True(verdict.CandidateWins);
        Assert.Contains("lower is better", verdict.Reason);
        Assert.Equal(1000, verdict.Champion!.Interval!.Resamples);
    }

    [Fact]
    public void A_champion_that_could_not_be_compared_on_the_split_keeps_its_place()
    {
        var verdict = ChampionGate.Compare(new Dictionary<string, double> { ["auc"] = 0.9 },
            ChampionOnSplit.NotCompared("20261101T0000-abcdef", "champion 20261101T0000-abcdef has no predictions on this run's test split"), PipelineSpecs.Evaluation());

        Assert.False(verdict.CandidateWins);
        Assert.Contains("has no predictions on this run's test split; the champion stays", verdict.Reason);
        Assert.Equal("REJECT", verdict.Champion!.Decision);
        Assert.NotNull(verdict.Champion.Unavailable);
    }

    [Fact]
    public void No_metrics_rejects_with_the_sources_tried_and_never_invents_values()
    {
        var resolved = new ResolvedMetrics(MetricsSource.None, MetricSet.Empty, null, null, ["no predictions", "no job metrics", "no metrics.json"]);

        var result = CandidateJudge.Judge(resolved, null, PipelineSpecs.Evaluation(), null);

        Assert.Equal("REJECT", result.Decision);
        Assert.Equal("none", result.MetricsSource);
        Assert.Empty(result.Metrics);
        Assert.Contains("no predictions; no job metrics; no metrics.json", result.Reason);
        Assert.Equal("none", result.ExpectedChampionRunId);
    }

    [Fact]
    public void An_undefined_primary_metric_rejects_with_its_reason()
    {
        var metrics = ClassificationMetrics.Compute(PredictionSet.Of((1, 0.9), (1, 0.8)), out var confusion);
        var resolved = new ResolvedMetrics(MetricsSource.TestSplit, metrics, confusion, 2, []);

        var result = CandidateJudge.Judge(resolved, null, PipelineSpecs.Evaluation(), null);

        Assert.Equal("REJECT", result.Decision);
        Assert.Contains("auc is undefined: the test split has only one class", result.Reason);
    }

    [Fact]
    public void A_candidate_meeting_thresholds_and_beating_the_champion_is_promoted_against_that_champion()
    {
        var resolved = new ResolvedMetrics(MetricsSource.TrainingJob, Metrics(("auc", 0.85), ("log_loss", 0.4)), null, null, []);

        var result = CandidateJudge.Judge(resolved, Compared(new PairedComparison("auc", 0.85, 0.80, 0.05, 0.02, 0.08, 0.95, "delong", 0)),
            PipelineSpecs.Evaluation(), "s3://b/a.tar.gz");

        Assert.Equal("PROMOTE", result.Decision);
        Assert.Equal("20261101T0000-abcdef", result.ExpectedChampionRunId);
        Assert.Equal("20261101T0000-abcdef", result.Champion!.RunId);
        Assert.Equal(0.80, result.Champion.Metrics["auc"]);
        Assert.Contains("(training-job)", result.Reason);
    }
}
