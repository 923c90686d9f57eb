namespace TrainingOrchestration.Asl.Tests.Paths;

/// <summary>
/// A path that selects nothing fails the state with States.Runtime and AWS's wording for that kind of field.
/// Sources: the ../shared/conformance recordings (ErrorPath and Parameters fields: "The JSONPath '…' specified for the
/// field '…' could not be found in the input '…'") and causes AWS printed in real executions (InputPath/OutputPath:
/// "Invalid path '$.Payload' : No results for path: $['Payload']"; Choice: "Invalid path '$.processing_type': The choice
/// state's condition path references an invalid value.").
/// </summary>
public sealed class InvalidPathErrorTests
{
    private const string Prefix = "An error occurred while executing the state 'S' (entered at the event id #2). ";
    private const string Input = """{"a":1}""";

    [Theory]
    [InlineData("""{"Type":"Pass","InputPath":"$.missing","End":true}""", "Invalid path '$.missing' : No results for path: $['missing']")]
    [InlineData("""{"Type":"Pass","OutputPath":"$.missing","End":true}""", "Invalid path '$.missing' : No results for path: $['missing']")]
    [InlineData("""{"Type":"Map","ItemsPath":"$.missing","ItemProcessor":{"StartAt":"P","States":{"P":{"Type":"Pass","End":true}}},"End":true}""",
        "Invalid path '$.missing' : No results for path: $['missing']")]
    [InlineData("""{"Type":"Pass","Parameters":{"x.$":"$.missing"},"End":true}""",
        "The JSONPath '$.missing' specified for the field 'x.$' could not be found in the input '{\"a\":1}'")]
    [InlineData("""{"Type":"Wait","SecondsPath":"$.missing","End":true}""",
        "The JSONPath '$.missing' specified for the field 'SecondsPath' could not be found in the input '{\"a\":1}'")]
    [InlineData("""{"Type":"Wait","TimestampPath":"$.missing","End":true}""",
        "The JSONPath '$.missing' specified for the field 'TimestampPath' could not be found in the input '{\"a\":1}'")]
    [InlineData("""{"Type":"Task","Resource":"arn:aws:states:::lambda:invoke","TimeoutSecondsPath":"$.missing","End":true}""",
        "The JSONPath '$.missing' specified for the field 'TimeoutSecondsPath' could not be found in the input '{\"a\":1}'")]
    [InlineData("""{"Type":"Task","Resource":"arn:aws:states:::lambda:invoke","HeartbeatSecondsPath":"$.missing","End":true}""",
        "The JSONPath '$.missing' specified for the field 'HeartbeatSecondsPath' could not be found in the input '{\"a\":1}'")]
    [InlineData("""{"Type":"Map","ItemsPath":"$.items","MaxConcurrencyPath":"$.missing","ItemProcessor":{"StartAt":"P","States":{"P":{"Type":"Pass","End":true}}},"End":true}""",
        "The JSONPath '$.missing' specified for the field 'MaxConcurrencyPath' could not be found in the input '{\"a\":1}'")]
    [InlineData("""{"Type":"Fail","ErrorPath":"$.missing"}""",
        "The JSONPath '$.missing' specified for the field 'ErrorPath' could not be found in the input '{\"a\":1}'")]
    [InlineData("""{"Type":"Choice","Choices":[{"Variable":"$.missing","NumericEquals":1,"Next":"Done"}],"Default":"Done"}""",
        "Invalid path '$.missing': The choice state's condition path references an invalid value.")]
    [InlineData("""{"Type":"Choice","Choices":[{"Variable":"$.a","NumericEqualsPath":"$.missing","Next":"Done"}],"Default":"Done"}""",
        "Invalid path '$.missing': The choice state's condition path references an invalid value.")]
    public async Task A_path_that_selects_nothing_fails_the_state_with_AWS_wording_for_its_field(string state, string cause)
    {
        var doneState = state.Contains("\"Done\"") ? ""","Done":{"Type":"Succeed"}""" : "";
        var definition = """{"StartAt":"S","States":{"S":""" + state + doneState + "}}";

        var run = await new Harness().RunAsync(definition, Input.Replace("}", state.Contains("$.items") ? ",\"items\":[1]}" : "}"));

        Assert.Equal(ExecutionStatus.Failed, run.Status);
        Assert.Equal("States.Runtime", run.Error);
        Assert.Equal(Prefix + cause.Replace("{\"a\":1}", state.Contains("$.items") ? "{\"a\":1,\"items\":[1]}" : "{\"a\":1}"), run.Cause);
    }

    [Fact]
    public async Task IsPresent_on_a_missing_variable_is_false_rather_than_an_error()
    {
        const string definition = """
            {"StartAt":"S","States":{"S":{"Type":"Choice","Choices":[{"Variable":"$.missing","IsPresent":true,"Next":"Yes"}],"Default":"No"},
              "Yes":{"Type":"Pass","Result":"yes","End":true},"No":{"Type":"Pass","Result":"no","End":true}}}
            """;

        var run = await new Harness().RunAsync(definition, Input);

        Assert.Equal(ExecutionStatus.Succeeded, run.Status);
        Assert.Equal("\"no\"", run.Output);
    }
}
