using TrainingOrchestration.Pipelines.Spec;
using TrainingOrchestration.Tasks.Evaluation;

namespace TrainingOrchestration.Tasks.Tests.Evaluation;

/// <summary>Expected values are worked out by hand (and match scikit-learn's documented examples).</summary>
public sealed class ClassificationMetricsTests
{
    private const int Precision = 10;

    [Fact]
    public void Auc_and_average_precision_match_the_scikit_learn_documentation_example()
    {
        // roc_auc_score([0,0,1,1],[0.1,0.4,0.35,0.8]) = 0.75; average_precision_score(same) = 0.8333...
        var predictions = PredictionSet.Of((0, 0.1), (0, 0.4), (1, 0.35), (1, 0.8));

        var metrics = ClassificationMetrics.Compute(predictions, out _).Values;

        Assert.Equal(0.75, metrics[ModelMetricNames.Auc], Precision);
        Assert.Equal(0.5 * 1 + 0.5 * (2.0 / 3), metrics[ModelMetricNames.PrAuc], Precision);
    }

    [Fact]
    public void Tied_scores_share_their_average_rank_and_count_half_a_pair()
    {
        // pairs (neg, pos): (.2,.6) win, (.2,.9) win, (.6,.6) tie = 0.5, (.6,.9) win => 3.5 / 4
        var predictions = PredictionSet.Of((0, 0.2), (0, 0.6), (1, 0.6), (1, 0.9));

        var metrics = ClassificationMetrics.Compute(predictions, out _).Values;

        Assert.Equal(0.875, metrics[ModelMetricNames.Auc], Precision);
        // thresholds .9: P=1 R=.5; .6 (one pos, one neg together): P=2/3 R=1
        Assert.Equal(0.5 + 0.5 * (2.0 / 3), metrics[ModelMetricNames.PrAuc], Precision);
    }

    [Fact]
    public void A_constant_score_has_auc_one_half_and_average_precision_equal_to_the_positive_rate()
    {
        var predictions = PredictionSet.Of((0, 0.3), (1, 0.3), (0, 0.3), (1, 0.3));

        var metrics = ClassificationMetrics.Compute(predictions, out _).Values;

        Assert.Equal(0.5, metrics[ModelMetricNames.Auc], Precision);
        Assert.Equal(0.5, metrics[ModelMetricNames.PrAuc], Precision);
    }

    [Fact]
    public void A_perfect_ranking_has_auc_and_average_precision_of_one()
    {
        var predictions = PredictionSet.Of((0, 0.1), (0, 0.2), (1, 0.8), (1, 0.9));

        var metrics = ClassificationMetrics.Compute(predictions, out _).Values;

        Assert.Equal(1.0, metrics[ModelMetricNames.Auc], Precision);
        Assert.Equal(1.0, metrics[ModelMetricNames.PrAuc], Precision);
    }

    [Fact]
    public void Log_loss_matches_the_scikit_learn_documentation_example()
    {
        // log_loss(["spam","ham","ham","spam"], [[.1,.9],[.9,.1],[.8,.2],[.35,.65]]) = 0.21616...
        var predictions = PredictionSet.Of((1, 0.9), (0, 0.1), (0, 0.2), (1, 0.65));

        var metrics = ClassificationMetrics.Compute(predictions, out _).Values;

        var expected = -(Math.Log(0.9) + Math.Log(0.9) + Math.Log(0.8) + Math.Log(0.65)) / 4;
        Assert.Equal(expected, metrics[ModelMetricNames.LogLoss], Precision);
        Assert.Equal(0.2161618747, metrics[ModelMetricNames.LogLoss], 9);
    }

    [Fact]
    public void Log_loss_clips_certain_wrong_predictions_instead_of_becoming_infinite()
    {
        var predictions = PredictionSet.Of((1, 0.0), (0, 1.0));

        var metrics = ClassificationMetrics.Compute(predictions, out _).Values;

        // p=0 is clipped to 1e-15; p=1 to the double nearest 1 - 1e-15 (as scikit-learn's np.clip does).
        var expected = (-Math.Log(1e-15) - Math.Log(1 - (1 - 1e-15))) / 2;
        Assert.Equal(expected, metrics[ModelMetricNames.LogLoss], 9);
        Assert.InRange(metrics[ModelMetricNames.LogLoss], 34.5, 34.6);
    }

    [Fact]
    public void Brier_score_matches_the_scikit_learn_documentation_example()
    {
        // brier_score_loss([0,1,1,0], [0.1,0.9,0.8,0.3]) = 0.0375
        var predictions = PredictionSet.Of((0, 0.1), (1, 0.9), (1, 0.8), (0, 0.3));

        var metrics = ClassificationMetrics.Compute(predictions, out _).Values;

        Assert.Equal(0.0375, metrics[ModelMetricNames.Brier], Precision);
    }

    [Fact]
    public void Threshold_metrics_count_a_score_above_one_half_as_positive()
    {
        // predicted: .9->1 (TP) .4->0 (FN) .6->1 (FP) .2->0 (TN) .7->1 (TP) .5->0 (FN: 0.5 is not above the threshold)
        var predictions = PredictionSet.Of((1, 0.9), (1, 0.4), (0, 0.6), (0, 0.2), (1, 0.7), (1, 0.5));

        var metrics = ClassificationMetrics.Compute(predictions, out var confusion).Values;

        Assert.Equal(new ConfusionMatrix(TruePositives: 2, FalsePositives: 1, TrueNegatives: 1, FalseNegatives: 2), confusion);
        Assert.Equal(3.0 / 6, metrics[ModelMetricNames.Accuracy], Precision);
        Assert.Equal(2.0 / 3, metrics[ModelMetricNames.Precision], Precision);
        Assert.Equal(2.0 / 4, metrics[ModelMetricNames.Recall], Precision);
        Assert.Equal(2.0 * 2 / (2 * 2 + 1 + 2), metrics[ModelMetricNames.F1], Precision);
    }

    [Fact]
    public void A_test_split_with_one_class_has_no_auc_and_says_why()
    {
        var predictions = PredictionSet.Of((0, 0.1), (0, 0.2), (0, 0.3));

        var metrics = ClassificationMetrics.Compute(predictions, out _);

        Assert.False(metrics.Values.ContainsKey(ModelMetricNames.Auc));
        Assert.False(metrics.Values.ContainsKey(ModelMetricNames.PrAuc));
        Assert.False(metrics.Values.ContainsKey(ModelMetricNames.Recall));
        Assert.Contains("only one class", metrics.Explain(ModelMetricNames.Auc));
        Assert.Contains("0 positives and 3 negatives", metrics.Explain(ModelMetricNames.Auc));
        Assert.Equal(1.0, metrics.Values[ModelMetricNames.Accuracy]);
        Assert.All(metrics.Values.Values, v => Assert.True(double.IsFinite(v)));
    }

    [Fact]
    public void Precision_is_undefined_when_nothing_is_predicted_positive()
    {
        var predictions = PredictionSet.Of((1, 0.1), (0, 0.2));

        var metrics = ClassificationMetrics.Compute(predictions, out _);

        Assert.False(metrics.Values.ContainsKey(ModelMetricNames.Precision));
        Assert.Equal(0.0, metrics.Values[ModelMetricNames.Recall]);
        Assert.Equal(0.0, metrics.Values[ModelMetricNames.F1]);
    }

    [Fact]
    public void An_empty_test_split_defines_no_metric()
    {
        var metrics = ClassificationMetrics.Compute(new PredictionSet(), out _);

        Assert.Empty(metrics.Values);
        Assert.Equal(ModelMetricNames.All.Count, metrics.Undefined.Count);
    }

    [Fact]
    public void Scores_outside_zero_to_one_are_refused()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new PredictionSet().Add(true, 1.2));
        Assert.Throws<ArgumentOutOfRangeException>(() => new PredictionSet().Add(true, double.NaN));
    }

    [Fact]
    public void Auc_over_many_rows_equals_the_pairwise_definition()
    {
        var random = new Random(7);
        var predictions = new PredictionSet();
        for (var i = 0; i < 400; i++)
        {
            var label = random.NextDouble() < 0.3;
            var score = Math.Round(Math.Clamp((label ? 0.6 : 0.4) + (random.NextDouble() - 0.5) * 0.8, 0, 1), 2);
            predictions.Add(label, score);
        }

        double wins = 0, pairs = 0;
        var scores = predictions.Scores.ToArray();
        var labels = predictions.Labels.ToArray();
        for (var p = 0; p < scores.Length; p++)
        {
            if (!labels[p]) continue;
            for (var n = 0; n < scores.Length; n++)
            {
                if (labels[n]) continue;
                pairs++;
                wins += scores[p] > scores[n] ? 1 : scores[p] == scores[n] ? 0.5 : 0;
            }
        }

        Assert.Equal(wins / pairs, ClassificationMetrics.RocAuc(predictions), 12);
    }

    [Fact]
    public void Average_precision_over_many_tied_rows_equals_its_threshold_by_threshold_definition()
    {
        var random = new Random(11);
        var predictions = new PredictionSet();
        for (var i = 0; i < 300; i++)
        {
            var label = random.NextDouble() < 0.25;
            predictions.Add(label, Math.Round(Math.Clamp((label ? 0.6 : 0.4) + (random.NextDouble() - 0.5), 0, 1), 1));
        }
        var scores = predictions.Scores.ToArray();
        var labels = predictions.Labels.ToArray();

        double expected = 0, previousRecall = 0;
        foreach (var threshold in scores.Distinct().OrderDescending())
        {
            var truePositives = scores.Where((s, i) => s >= threshold && labels[i]).Count();
            var selected = scores.Count(s => s >= threshold);
            var recall = (double)truePositives / predictions.Positives;
            expected += (recall - previousRecall) * truePositives / selected;
            previousRecall = recall;
        }

        Assert.Equal(expected, ClassificationMetrics.AveragePrecision(predictions), 12);
    }
}
