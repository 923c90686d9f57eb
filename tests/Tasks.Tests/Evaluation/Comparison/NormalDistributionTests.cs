using TrainingOrchestration.Tasks.Evaluation.Comparison;

namespace TrainingOrchestration.Tasks.Tests.Evaluation.Comparison;

public sealed class NormalDistributionTests
{
    [Theory]
    [InlineData(0.975, 1.959963984540054)]
    [InlineData(0.95, 1.6448536269514722)]
    [InlineData(0.5, 0.0)]
    [InlineData(0.001, -3.090232306167813)]
    public void Quantiles_match_the_published_values(double p, double z) => Assert.Equal(z, NormalDistribution.Quantile(p), 6);

    [Theory]
    [InlineData(1.96, 0.9750021048517795)]
    [InlineData(-1.0, 0.15865525393145707)]
    public void The_cdf_matches_the_published_values(double z, double p) => Assert.Equal(p, NormalDistribution.Cdf(z), 6);
}
