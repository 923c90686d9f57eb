using TrainingOrchestration.Pipelines.Spec;
using TrainingOrchestration.Tasks.Evaluation;
using TrainingOrchestration.Tasks.Tests.Support;

namespace TrainingOrchestration.Tasks.Tests.Evaluation;

/// <summary>The batch transform output of each problem type, as the container and the filters write it.</summary>
public sealed class PredictionLineTests
{
    private const string Prefix = "reports/p/run=r1/predictions/";

    [Fact]
    public async Task Regression_lines_are_label_and_predicted_value_on_the_labels_scale()
    {
        var store = new InMemoryObjectStore();
        store.Put("b", Prefix + "part-00000.csv.out", "29.85,30.112499237060547\n-3,1e-05\n\n");

        var predictions = await new PredictionReader(store).ReadAsync("b", Prefix, ProblemType.Regression);

        Assert.Equal(ProblemType.Regression, predictions.Problem);
        Assert.Equal([29.85, -3], predictions.Targets.ToArray());
        Assert.Equal([30.112499237060547, 1e-05], predictions.Scores.ToArray());
    }

    [Theory]
    [InlineData("2,0.1,5.5,[0.1, 0.2, 0.7]")]
    [InlineData("2,0.1,5.5,\"[0.1, 0.2, 0.7]\"")]
    [InlineData("2.0,0.1,5.5,[0.1,0.2,0.7]")]
    public void A_multiclass_line_is_the_joined_record_ending_in_the_class_probabilities_however_the_list_was_split(string line)
    {
        var (label, probabilities) = PredictionLine.Classes(line, 3, "s3://b/k.out", 1);

        Assert.Equal(2, label);
        Assert.Equal([0.1, 0.2, 0.7], probabilities);
    }

    [Fact]
    public async Task Multiclass_lines_are_read_into_one_probability_row_per_record()
    {
        var store = new InMemoryObjectStore();
        store.Put("b", Prefix + "part-00000.csv.out", "0,1,2,[0.8, 0.15, 0.05]\n1,3,4,[0.25, 0.5, 0.25]\n");

        var predictions = await new PredictionReader(store).ReadAsync("b", Prefix, ProblemType.Multiclass, 3);

        Assert.Equal(2, predictions.Count);
        Assert.Equal([0.0, 1.0], predictions.Targets.ToArray());
        Assert.Equal([0.8, 0.15, 0.05, 0.25, 0.5, 0.25], predictions.Probabilities.ToArray());
    }

    [Theory]
    [InlineData("1,2,[0.5, 0.5]", "2 class probabilities but num_class is 3")]
    [InlineData("3,2,[0.2, 0.3, 0.5]", "label 3 is outside the classes 0..2")]
    [InlineData("a,2,[0.2, 0.3, 0.5]", "label 'a' is not a class number")]
    [InlineData("1,2,0.5", "expected 'label,...,[p0, p1, ...]'")]
    [InlineData("1,2,[0.2, 0.3, 0.5", "do not end with ']'")]
    [InlineData("1,2,[0.2, x, 0.5]", "class 1's probability 'x'")]
    [InlineData("1,2,[0.2, 1.3, 0.5]", "class 1's probability '1.3' is not a number in [0, 1]")]
    public void Bad_multiclass_lines_say_what_is_wrong_and_where(string line, string problem)
    {
        var error = Assert.Throws<PredictionFormatException>(() => PredictionLine.Classes(line, 3, "s3://b/k.out", 4));

        Assert.Contains(problem, error.Message);
        Assert.StartsWith("s3://b/k.out:4:", error.Message);
    }

    [Theory]
    [InlineData("1.5", "expected 'label,prediction'")]
    [InlineData("1.5,2,3", "expected 'label,prediction'")]
    [InlineData("x,2", "label 'x' is not a number")]
    [InlineData("1.5,nan", "prediction 'nan' is not a finite number")]
    public void Bad_regression_lines_say_what_is_wrong_and_where(string line, string problem)
    {
        var error = Assert.Throws<PredictionFormatException>(() => PredictionLine.Value(line, "s3://b/k.out", 2));

        Assert.Contains(problem, error.Message);
        Assert.StartsWith("s3://b/k.out:2:", error.Message);
    }

    [Fact]
    public async Task A_malformed_regression_line_is_reported_with_its_object_and_line_number()
    {
        var store = new InMemoryObjectStore();
        store.Put("b", Prefix + "part-00003.csv.out", "1,2\n\n3,oops\n");

        var error = await Assert.ThrowsAsync<PredictionFormatException>(() => new PredictionReader(store).ReadAsync("b", Prefix, ProblemType.Regression));

        Assert.Equal($"s3://b/{Prefix}part-00003.csv.out", error.Where);
        Assert.Equal(3, error.Line);
    }

    [Fact]
    public async Task A_binary_models_output_read_as_multiclass_is_refused_with_the_objective_to_use()
    {
        var store = new InMemoryObjectStore();
        store.Put("b", Prefix + "part-00000.csv.out", "1,0.9\n");

        var error = await Assert.ThrowsAsync<PredictionFormatException>(() => new PredictionReader(store).ReadAsync("b", Prefix, ProblemType.Multiclass, 3));

        Assert.Contains("multi:softprob", error.Message);
    }
}
