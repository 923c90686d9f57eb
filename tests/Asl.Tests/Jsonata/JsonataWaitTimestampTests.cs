namespace TrainingOrchestration.Asl.Tests.Jsonata;

/// <summary>
/// The recordings test_wait_timestamp_jsonata, [SECONDS] and [NANOSECONDS] in ../shared/conformance succeeded on AWS
/// with a timestamp input that masking replaced by the literal "date", so the corpus cannot replay them (see
/// src/Asl/README.md); these cases run the same definition on real timestamps of those three shapes instead.
/// </summary>
public sealed class JsonataWaitTimestampTests
{
    private const string Definition = """
        {"QueryLanguage":"JSONata","StartAt":"WaitState","States":{"WaitState":{"Type":"Wait","Timestamp":"{% $states.input.TimestampValue %}","End":true}}}
        """;

    [Theory]
    [InlineData("2016-03-14T01:59:00Z")]
    [InlineData("2016-03-14T01:59:00.123Z")]
    [InlineData("2016-03-14T01:59:00.123456789Z")]
    public async Task A_JSONata_Wait_on_a_past_timestamp_succeeds_with_its_input_as_output(string timestamp)
    {
        var input = $$"""{"TimestampValue":"{{timestamp}}"}""";

        var run = await new Harness().RunAsync(Definition, input);

        Assert.Equal(ExecutionStatus.Succeeded, run.Status);
        Assert.Equal(input, run.Output);
    }

    [Fact]
    public async Task The_masked_input_date_is_not_a_timestamp_and_fails_as_AWS_fails_such_strings()
    {
        var run = await new Harness().RunAsync(Definition, """{"TimestampValue":"date"}""");

        Assert.Equal(ExecutionStatus.Failed, run.Status);
        Assert.Equal("States.QueryEvaluationError", run.Error);
        Assert.EndsWith("The Timestamp field cannot be parsed as an ISO-8601 extended offset date-time format string: date", run.Cause);
    }
}
