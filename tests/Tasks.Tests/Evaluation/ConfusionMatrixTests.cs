using TrainingOrchestration.Tasks.Evaluation;

namespace TrainingOrchestration.Tasks.Tests.Evaluation;

public class ConfusionMatrixTests
{
    [Fact]
    public void A_score_of_exactly_the_threshold_is_predicted_negative_as_XGBoost_predicts()
    {
        Assert.False(ConfusionMatrix.PredictsPositive(0.5));
        Assert.True(ConfusionMatrix.PredictsPositive(0.5000001));
    }

    [Fact]
    public void Rows_are_counted_at_the_given_threshold()
    {
        var rows = new (double, bool)[] { (0.9, true), (0.5, true), (0.5, false), (0.7, false), (0.1, false) };

        Assert.Equal(new ConfusionMatrix(TruePositives: 1, FalsePositives: 1, TrueNegatives: 2, FalseNegatives: 1), ConfusionMatrix.Count(rows));
        Assert.Equal(new ConfusionMatrix(TruePositives: 1, FalsePositives: 0, TrueNegatives: 3, FalseNegatives: 1), ConfusionMatrix.Count(rows, 0.8));
        Assert.Equal(5, ConfusionMatrix.Count(rows).Total);
    }
}
