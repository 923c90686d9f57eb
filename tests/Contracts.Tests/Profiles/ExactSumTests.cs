using TrainingOrchestration.Contracts.Sketches;

namespace TrainingOrchestration.Contracts.Tests.Profiles;

public class ExactSumTests
{
    [Fact]
    public void A_sum_does_not_depend_on_the_order_or_grouping_of_its_values()
    {
        var random = new Random(3);
        var values = Enumerable.Range(0, 50_000).Select(_ => (random.NextDouble() - 0.3) * Math.Pow(10, random.Next(-8, 12))).ToArray();
        var forward = new ExactSum();
        foreach (var v in values) forward.Add(v);
        var grouped = new ExactSum();
        foreach (var chunk in values.Reverse().Chunk(7_001))
        {
            var part = new ExactSum();
            foreach (var v in chunk) part.Add(v);
            grouped.Merge(ExactSum.Import(part.Export()));
        }

        Assert.Equal(forward.Scaled(), grouped.Scaled());
        Assert.Equal(forward.ToDouble(), grouped.ToDouble());
    }

    [Fact]
    public void Cancelling_values_sum_exactly_where_doubles_lose_them()
    {
        var sum = new ExactSum();
        sum.Add(1e20);
        sum.Add(3.5);
        sum.Add(-1e20);
        sum.AddInteger(2);

        Assert.Equal(5.5, sum.ToDouble());
        Assert.Equal(0, (1e20 + 3.5) - 1e20);
    }
}
