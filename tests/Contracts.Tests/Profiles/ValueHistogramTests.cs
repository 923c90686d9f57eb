using TrainingOrchestration.Contracts.Sketches;

namespace TrainingOrchestration.Contracts.Tests.Profiles;

public class ValueHistogramTests
{
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Quantiles_of_a_million_values_are_within_one_percent_rank_error(bool skewed)
    {
        var random = new Random(5);
        var values = Enumerable.Range(0, 1_000_000).Select(_ => skewed ? Math.Exp(3 * random.NextDouble()) : random.NextDouble()).ToArray();
        var histogram = new ValueHistogram();
        foreach (var v in values) histogram.Add(v);
        Array.Sort(values);

        foreach (var q in new[] { 0.01, 0.1, 0.25, 0.5, 0.75, 0.9, 0.99 })
        {
            var estimate = histogram.Quantile(q);
            var index = Array.BinarySearch(values, estimate);
            var trueRank = (double)(index < 0 ? ~index : index) / values.Length;
            Assert.InRange(Math.Abs(trueRank - q), 0, 0.01);
        }
    }

    [Fact]
    public void Quantiles_of_few_distinct_values_are_exact()
    {
        var histogram = new ValueHistogram();
        foreach (var v in Enumerable.Range(1, 101).Reverse()) histogram.Add(v);

        Assert.Equal(0, histogram.Shift);
        Assert.Equal(51, histogram.Quantile(0.5));
        Assert.Equal(1, histogram.Quantile(0));
        Assert.Equal(51.0 / 101, histogram.Rank(51.5), 10);
    }

    [Fact]
    public void Parts_merged_in_any_grouping_equal_the_whole()
    {
        var random = new Random(9);
        var values = Enumerable.Range(0, 200_000).Select(_ => random.NextDouble() * 1000 - 300).ToArray();
        var whole = new ValueHistogram();
        foreach (var v in values) whole.Add(v);
        var merged = new ValueHistogram();
        foreach (var chunk in values.Chunk(37_000).Reverse())
        {
            var part = new ValueHistogram();
            foreach (var v in chunk) part.Add(v);
            var copy = ValueHistogram.FromBuckets(part.Shift, part.Sorted().Select(b => b.Bucket).ToArray(), part.Sorted().Select(b => b.Count).ToArray());
            merged.Merge(copy);
        }

        Assert.Equal(whole.Shift, merged.Shift);
        Assert.Equal(whole.Sorted(), merged.Sorted());
    }
}
