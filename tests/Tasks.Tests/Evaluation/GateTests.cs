using TrainingOrchestration.Pipelines.Spec;
using TrainingOrchestration.Tasks.Evaluation;
using TrainingOrchestration.Tasks.Ports;
using TrainingOrchestration.Tasks.Tests.Support;

namespace TrainingOrchestration.Tasks.Tests.Evaluation;

public sealed class GateTests
{
    private static MetricSet Metrics(params (string Name, double Value)[] values) =>
        new(values.ToDictionary(v => v.Name, v => v.Value), new Dictionary<string, string>());

    private static ChampionRecord Champion(params (string Name, double Value)[] values) =>
        new("20261101T0000-abcdef", "s3://b/models/approved/churn/x/model.tar.gz", values.ToDictionary(v => v.Name, v => v.Value), "auc", null);

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
    [InlineData(0.806, true)]
    [InlineData(0.805, true)]
    [InlineData(0.8049, false)]
    [InlineData(0.80, false)]
    [InlineData(0.79, false)]
    public void The_candidate_must_beat_the_champion_by_the_margin(double candidateAuc, bool wins)
    {
        var verdict = ChampionGate.Compare(new Dictionary<string, double> { ["auc"] = candidateAuc }, Champion(("auc", 0.80)),
            PipelineSpecs.Evaluation(margin: 0.005));

        Assert.Equal(wins, verdict.CandidateWins);
    }

    [Theory]
    [InlineData(0.40, true)]
    [InlineData(0.42, true)]
    [InlineData(0.43, false)]
    [InlineData(0.45, false)]
    public void For_lower_is_better_metrics_the_candidate_must_be_lower_by_the_margin(double candidateLogLoss, bool wins)
    {
        var verdict = ChampionGate.Compare(new Dictionary<string, double> { ["log_loss"] = candidateLogLoss }, Champion(("log_loss", 0.45)),
            PipelineSpecs.Evaluation(primaryMetric: "log_loss", margin: 0.03));

        Assert.Equal(wins, verdict.CandidateWins);
        Assert.Contains("lower is better", verdict.Reason);
    }

    [Fact]
    public void With_a_zero_margin_an_equal_candidate_does_not_replace_the_champion()
    {
        var verdict = ChampionGate.Compare(new Dictionary<string, double> { ["auc"] = 0.8 }, Champion(("auc", 0.8)), PipelineSpecs.Evaluation(margin: 0));

        Assert.False(verdict.CandidateWins);
        Assert.Contains("not better", verdict.Reason);
    }

    [Fact]
    public void A_champion_without_the_primary_metric_does_not_block_the_candidate()
    {
        var verdict = ChampionGate.Compare(new Dictionary<string, double> { ["auc"] = 0.8 }, Champion(("f1", 0.5)), PipelineSpecs.Evaluation());

        Assert.True(verdict.CandidateWins);
        Assert.Contains("has no auc", verdict.Reason);
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

        var result = CandidateJudge.Judge(resolved, Champion(("auc", 0.80)), PipelineSpecs.Evaluation(), "s3://b/a.tar.gz");

        Assert.Equal("PROMOTE", result.Decision);
        Assert.Equal("20261101T0000-abcdef", result.ExpectedChampionRunId);
        Assert.Equal("20261101T0000-abcdef", result.Champion!.RunId);
        Assert.Contains("(training-job)", result.Reason);
    }
}
