using System.Globalization;
using System.Text.Json.Nodes;
using TrainingOrchestration.LocalRuntime.Simulation;
using TrainingOrchestration.Pipelines;
using TrainingOrchestration.Pipelines.Spec;
using TrainingOrchestration.TestSupport;

namespace TrainingOrchestration.LocalRuntime.Tests.Simulation;

/// <summary>The pure parts of <c>simulate</c>: traffic shape, incidents drawn from the contract, native change records.</summary>
public sealed class SimulationPartsTests
{
    private static readonly Lazy<PipelineSpec> Churn = new(() => PipelineSpecLoader.Load(Repository.Path("pipelines", "churn")));
    private static readonly DateTimeOffset Monday = new(2026, 11, 2, 0, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Traffic_is_busiest_on_working_days_quiet_at_night_and_lighter_at_weekends()
    {
        var traffic = new TrafficProfile(Churn.Value, seed: 7);
        var week = Enumerable.Range(0, 7 * 24).Select(h => (At: Monday.AddHours(h), Changes: traffic.ChangesIn(Monday.AddHours(h)))).ToList();

        double Mean(Func<DateTimeOffset, bool> which) => week.Where(x => which(x.At)).Average(x => (double)x.Changes);
        var weekdayDay = Mean(t => t.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday) && t.Hour is >= 9 and < 17);
        var night = Mean(t => t.Hour is >= 1 and < 5);
        var weekendDay = Mean(t => t.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday && t.Hour is >= 9 and < 17);

        Assert.True(weekdayDay > 5 * night, $"weekday {weekdayDay}, night {night}");
        Assert.InRange(weekendDay / weekdayDay, 0.2, 0.6);
        Assert.InRange(weekdayDay, Churn.Value.Cadence.MinChanges / 3.0 * 0.7, Churn.Value.Cadence.MinChanges / 3.0 * 2.0);
    }

    [Fact]
    public void The_same_seed_gives_the_same_traffic()
    {
        var a = new TrafficProfile(Churn.Value, seed: 3);
        var b = new TrafficProfile(Churn.Value, seed: 3);

        Assert.Equal(Enumerable.Range(0, 48).Select(h => a.ChangesIn(Monday.AddHours(h))), Enumerable.Range(0, 48).Select(h => b.ChangesIn(Monday.AddHours(h))));
    }

    [Fact]
    public void The_violation_breaks_an_error_range_rule_of_a_numeric_source_column_and_the_drift_stays_inside_its_range()
    {
        var incidents = DataIncidents.For(Churn.Value);

        Assert.Equal("monthly_charges", incidents.ViolatedColumn);
        Assert.True(double.Parse(incidents.ViolatingValue(), CultureInfo.InvariantCulture) > incidents.ViolatedRule.Max);
        Assert.Equal("monthly_charges", incidents.DriftColumn);
        Assert.Equal("89.1", incidents.Drifted("99", 10, integer: false));
        Assert.Equal("15", incidents.Drifted("20", 30, integer: false)); // floored at the range rule's min
        Assert.Null(incidents.Drifted("", 3, integer: false));
    }

    [Fact]
    public void Stream_records_carry_typed_images_and_a_growing_sequence_number()
    {
        var table = new SourceTable(Churn.Value, Churn.Value.SampleDataFile!);
        var writer = new ChangeRecordWriter(Churn.Value, "us-east-1", "123456789012");
        var generator = new ChangeGenerator(table, DataIncidents.For(Churn.Value), writer, seed: 1);

        var records = generator.Changes(50, Monday, 0);
        var violation = generator.Violate(Monday.AddHours(1));

        var sequences = records.Concat(violation).Select(r => r["dynamodb"]!["SequenceNumber"]!.GetValue<string>()).ToList();
        Assert.Equal(sequences.Order(StringComparer.Ordinal), sequences);
        Assert.Equal(sequences.Count, sequences.Distinct().Count());
        Assert.Contains(records, r => r["eventName"]!.GetValue<string>() == "MODIFY");
        var modify = records.First(r => r["eventName"]!.GetValue<string>() == "MODIFY")["dynamodb"]!;
        Assert.NotNull(modify["NewImage"]!["monthly_charges"]!["N"]);
        Assert.NotNull(modify["NewImage"]!["churn"]!["S"]);
        Assert.NotNull(modify["OldImage"]);
        Assert.Equal(DataIncidents.ViolatingRows, violation.Count);
        Assert.All(violation, r => Assert.Equal("1501", r["dynamodb"]!["NewImage"]!["monthly_charges"]!["N"]!.GetValue<string>()));
        var repair = generator.Repair(Monday.AddHours(2));
        Assert.All(repair, r => Assert.NotEqual("1501", r["dynamodb"]!["NewImage"]!["monthly_charges"]!["N"]!.GetValue<string>()));
    }

    [Fact]
    public void New_rows_continue_the_samples_key_scheme()
    {
        var table = new SourceTable(Churn.Value, Churn.Value.SampleDataFile!);

        Assert.Equal("C007044", table.NewKey());
        Assert.Equal("C007045", table.NewKey());
    }
}
