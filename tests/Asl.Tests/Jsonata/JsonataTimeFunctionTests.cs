using System.Text.Json.Nodes;

namespace TrainingOrchestration.Asl.Tests.Jsonata;

/// <summary>JSONata's $now, $millis, $toMillis and $fromMillis in their default ISO 8601 (UTC) forms.</summary>
public sealed class JsonataTimeFunctionTests
{
    private static string PassMachine(string output) =>
        """{"QueryLanguage":"JSONata","StartAt":"P","States":{"P":{"Type":"Pass","Output":""" + output + ""","End":true}}}""";

    [Theory]
    [InlineData("2026-11-23T13:00:00.000Z", 1795438800000)]
    [InlineData("2026-11-23T13:00:00Z", 1795438800000)]
    [InlineData("2026-11-23T14:00:00.000+01:00", 1795438800000)]
    [InlineData("2026-11-23T14:00:00+0100", 1795438800000)]
    [InlineData("2026-11-23", 1795392000000)]
    [InlineData("1970-01-01T00:00:00.0019Z", 1)]
    public async Task toMillis_reads_an_ISO_8601_timestamp_as_milliseconds_since_the_epoch(string timestamp, long expected)
    {
        var harness = new Harness();

        var result = await harness.RunAsync(PassMachine("""{"ms":"{% $toMillis($states.input.t) %}"}"""), $$"""{"t":"{{timestamp}}"}""");

        Assert.True(result.Status == ExecutionStatus.Succeeded, $"{result.Error}: {result.Cause}");
        Assert.Equal(expected, Harness.Output(result)!["ms"]!.GetValue<long>());
    }

    [Theory]
    [InlineData(0, "1970-01-01T00:00:00.000Z")]
    [InlineData(1795438800123.9, "2026-11-23T13:00:00.123Z")]
    public async Task fromMillis_writes_milliseconds_as_an_ISO_8601_UTC_timestamp(double millis, string expected)
    {
        var harness = new Harness();

        var result = await harness.RunAsync(PassMachine("""{"t":"{% $fromMillis($states.input.ms) %}"}"""),
            $$"""{"ms":{{millis.ToString(System.Globalization.CultureInfo.InvariantCulture)}}}""");

        Assert.True(result.Status == ExecutionStatus.Succeeded, $"{result.Error}: {result.Cause}");
        Assert.Equal(expected, Harness.Output(result)!["t"]!.GetValue<string>());
    }

    [Fact]
    public async Task now_and_millis_read_the_execution_clock_not_the_wall_clock()
    {
        var harness = new Harness();
        var definition = """
            {"QueryLanguage":"JSONata","StartAt":"W","States":{
              "W":{"Type":"Wait","Seconds":90,"Next":"P"},
              "P":{"Type":"Pass","Output":{"now":"{% $now() %}","millis":"{% $millis() %}","same":"{% $fromMillis($millis()) = $now() %}"},"End":true}}}
            """;

        var result = await harness.RunAsync(definition);

        Assert.True(result.Status == ExecutionStatus.Succeeded, $"{result.Error}: {result.Cause}");
        var output = Harness.Output(result)!;
        Assert.Equal("2024-01-01T00:01:30.000Z", output["now"]!.GetValue<string>());
        Assert.Equal(harness.T0.AddSeconds(90).ToUnixTimeMilliseconds(), output["millis"]!.GetValue<long>());
        Assert.True(output["same"]!.GetValue<bool>());
    }

    [Fact]
    public async Task An_epoch_seconds_TTL_can_be_computed_from_the_state_entered_time()
    {
        var harness = new Harness();

        var result = await harness.RunAsync(PassMachine(
            """{"expiresAt":"{% $string($floor($toMillis($states.context.State.EnteredTime) / 1000) + 600) %}"}"""));

        Assert.True(result.Status == ExecutionStatus.Succeeded, $"{result.Error}: {result.Cause}");
        Assert.Equal((harness.T0.ToUnixTimeSeconds() + 600).ToString(System.Globalization.CultureInfo.InvariantCulture),
            Harness.Output(result)!["expiresAt"]!.GetValue<string>());
    }

    [Fact]
    public async Task toMillis_of_a_missing_value_is_undefined_and_of_a_non_timestamp_fails_the_state()
    {
        var harness = new Harness();

        var missing = await harness.RunAsync(PassMachine("""{"ms":"{% $toMillis($states.input.absent) %}"}"""), name: "Missing");
        var invalid = await harness.RunAsync(PassMachine("""{"ms":"{% $toMillis('23/11/2026') %}"}"""), name: "Invalid");

        Assert.Equal("States.QueryEvaluationError", missing.Error);
        Assert.Contains("returned nothing (undefined)", missing.Cause);
        Assert.Equal("States.QueryEvaluationError", invalid.Error);
        Assert.Contains("23/11/2026", invalid.Cause);
    }
}
