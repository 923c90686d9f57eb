using TrainingOrchestration.Tasks.Evaluation;
using TrainingOrchestration.Tasks.Tests.Support;

namespace TrainingOrchestration.Tasks.Tests.Evaluation;

public sealed class PredictionReaderTests
{
    private const string Prefix = "reports/churn/run=r1/predictions/";

    [Fact]
    public async Task Every_out_file_under_the_prefix_is_read_and_a_trailing_empty_line_is_ignored()
    {
        var store = new InMemoryObjectStore();
        store.Put("b", Prefix + "part-00000.csv.out", "1,0.9\n0,0.2\n");
        store.Put("b", Prefix + "part-00001.csv.out", "0,0.4\r\n1,0.7\r\n\r\n");
        store.Put("b", Prefix + "_SUCCESS", "");

        var predictions = await new PredictionReader(store).ReadAsync("b", Prefix);

        Assert.Equal(4, predictions.Count);
        Assert.Equal(2, predictions.Positives);
    }

    [Fact]
    public async Task A_malformed_line_is_reported_with_its_object_and_line_number()
    {
        var store = new InMemoryObjectStore();
        store.Put("b", Prefix + "part-00000.csv.out", "1,0.9\n0,0.2,7\n");

        var error = await Assert.ThrowsAsync<PredictionFormatException>(() => new PredictionReader(store).ReadAsync("b", Prefix));

        Assert.Equal($"s3://b/{Prefix}part-00000.csv.out", error.Where);
        Assert.Equal(2, error.Line);
    }

    [Theory]
    [InlineData("2,0.5", "label '2' is not 0 or 1")]
    [InlineData("1,1.7", "not a probability")]
    [InlineData("1,abc", "not a probability")]
    [InlineData("0.9", "expected 'label,score'")]
    public void Bad_lines_say_what_is_wrong(string line, string problem)
    {
        var error = Assert.Throws<PredictionFormatException>(() => PredictionReader.Parse(line, "s3://b/k.out", 3));

        Assert.Contains(problem, error.Message);
        Assert.StartsWith("s3://b/k.out:3:", error.Message);
    }

    [Fact]
    public void Labels_written_as_floats_and_scores_with_spaces_are_accepted()
    {
        Assert.Equal((true, 0.25), PredictionReader.Parse("1.0, 0.25", "x", 1));
        Assert.Equal((false, 0.0), PredictionReader.Parse("0,0", "x", 1));
    }
}
