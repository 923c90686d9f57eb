using TrainingOrchestration.Contracts.Sketches;

namespace TrainingOrchestration.Contracts.Tests.Profiles;

public class KllSketchTests
{
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Quantiles_of_a_million_values_are_within_one_percent_rank_error(bool skewed)
    {
        var random = new Random(5);
        var values = Enumerable.Range(0, 1_000_000).Select(_ => skewed ? Math.Exp(3 * random.NextDouble()) : random.NextDouble()).ToArray();
        var sketch = new KllSketch();
        foreach (var v in values) sketch.Add(v);
        Array.Sort(values);

        foreach (var q in new[] { 0.01, 0.1, 0.25, 0.5, 0.75, 0.9, 0.99 })
        {
            var estimate = sketch.Quantile(q);
            var trueRank = (double)Array.BinarySearch(values, estimate) / values.Length;
            Assert.InRange(Math.Abs(trueRank - q), 0, 0.01);
        }
    }
}
