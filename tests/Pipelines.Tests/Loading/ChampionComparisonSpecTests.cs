namespace TrainingOrchestration.Pipelines.Tests.Loading;

/// <summary><c>evaluation.confidence</c> and <c>evaluation.resamples</c>: the paired comparison with the champion.</summary>
public sealed class ChampionComparisonSpecTests
{
    [Fact]
    public void Without_the_keys_the_comparison_uses_a_95_percent_interval_and_1000_resamples()
    {
        using var folder = PipelineFolder.Valid();

        var spec = PipelineSpecLoader.Load(folder.Path);

        Assert.Equal(0.95, spec.Evaluation.Confidence);
        Assert.Equal(1000, spec.Evaluation.Resamples);
    }

    [Fact]
    public void Given_values_are_read()
    {
        using var folder = PipelineFolder.With("championMargin: 0.002", "championMargin: 0.002\n  confidence: 0.9\n  resamples: 2000");

        var spec = PipelineSpecLoader.Load(folder.Path);

        Assert.Equal(0.9, spec.Evaluation.Confidence);
        Assert.Equal(2000, spec.Evaluation.Resamples);
    }

    [Theory]
    [InlineData("1")]
    [InlineData("0.3")]
    [InlineData("95")]
    public void A_confidence_outside_one_half_to_one_is_refused_at_its_line(string value)
    {
        using var folder = PipelineFolder.With("championMargin: 0.002", $"championMargin: 0.002\n  confidence: {value}");

        var error = LoadFailure.Of(folder).On("evaluation.confidence");

        Assert.Equal(LoadFailure.LineOf(folder, "confidence:"), error.Line);
        Assert.Contains("not a confidence level in [0.5, 1)", error.Problem);
    }

    [Theory]
    [InlineData("10")]
    [InlineData("1000000")]
    [InlineData("many")]
    public void Resamples_outside_100_to_100000_are_refused(string value)
    {
        using var folder = PipelineFolder.With("championMargin: 0.002", $"championMargin: 0.002\n  resamples: {value}");

        var error = LoadFailure.Of(folder).On("evaluation.resamples");

        Assert.Equal(LoadFailure.LineOf(folder, "resamples:"), error.Line);
    }
}
