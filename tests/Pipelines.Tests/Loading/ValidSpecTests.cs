using TrainingOrchestration.Pipelines.Spec;

namespace TrainingOrchestration.Pipelines.Tests.Loading;

public sealed class ValidSpecTests
{
    [Fact]
    public void A_valid_spec_loads_with_every_field_and_absolute_paths()
    {
        using var folder = PipelineFolder.Valid();

        var spec = PipelineSpecLoader.Load(folder.Path);

        Assert.Equal("demo", spec.Name);
        Assert.Equal(PipelineTier.Critical, spec.Tier);
        Assert.Equal("customers", spec.Source.Table);
        Assert.Equal(CdcKind.DynamoDbStream, spec.Source.Cdc.Kind);
        Assert.Equal(500, spec.Cadence.MinChanges);
        Assert.Equal(TimeSpan.FromHours(6), spec.Cadence.MinInterval);
        Assert.Equal(TimeSpan.FromDays(7), spec.Cadence.MaxStaleness);
        Assert.Equal(new QuietHoursSpec(new TimeOnly(22, 0), new TimeOnly(6, 0), "Europe/London"), spec.Cadence.QuietHours);
        Assert.Equal("cron(0 * * * ? *)", spec.Cadence.Schedule);
        Assert.Equal(Path.Combine(folder.Path, "features.sql"), spec.Features.SqlFile);
        Assert.Equal(new SplitSpec(0.7, 0.2, 0.1), spec.Features.Split);
        Assert.Equal(Path.Combine(folder.Path, "contract.yaml"), spec.ContractFile);
        Assert.Equal(Path.Combine(folder.Path, "sample", "data.csv"), spec.SampleDataFile);
        Assert.Equal(Path.Combine(folder.Path, "sample", "event.json"), spec.SampleEventFile);
        Assert.Equal(TimeSpan.FromHours(1), spec.Training.MaxRuntime);
        Assert.Equal(new SpotSpec(true, TimeSpan.FromHours(2)), spec.Training.Spot);
        Assert.Equal("0.05", spec.Training.Hyperparameters["eta"]);
        Assert.Equal("300", spec.Training.Hyperparameters["num_round"]);
        Assert.Equal(new MetricThreshold(0.80, null), spec.Evaluation.Thresholds["auc"]);
        Assert.Equal(new MetricThreshold(null, 0.55), spec.Evaluation.Thresholds["log_loss"]);
        Assert.Equal(0.002, spec.Evaluation.ChampionMargin);
        Assert.Equal(["ml-oncall@example.com"], spec.Notifications.Emails);
        Assert.Equal(folder.Path, spec.Directory);
    }

    [Fact]
    public void Optional_sections_take_their_documented_defaults()
    {
        using var folder = PipelineFolder.With("""
              split:
                train: 0.7
                validation: 0.2
                test: 0.1

            """, "\n");

        var spec = PipelineSpecLoader.Load(folder.Path);

        Assert.Equal(new SplitSpec(0.7, 0.2, 0.1), spec.Features.Split);
    }

    [Fact]
    public void Spot_training_can_be_disabled_without_a_max_wait()
    {
        using var folder = PipelineFolder.With("""
                enabled: true
                maxWait: 2h
            """, """
                enabled: false
            """);

        var spec = PipelineSpecLoader.Load(folder.Path);

        Assert.False(spec.Training.Spot.Enabled);
    }
}
