using System.Text.Json.Nodes;

namespace TrainingOrchestration.Asl.Tests.Runtime;

/// <summary>
/// A state whose input is the object the previous state's ResultPath built writes its own ResultPath into that object
/// instead of a copy. Nothing may notice: the history, the redrive checkpoint, variables and the mock responses keep
/// the values they had.
/// </summary>
public sealed class ResultPathReuseTests
{
    [Fact]
    public async Task Each_state_records_its_own_input_and_output_although_the_object_is_reused()
    {
        var harness = new Harness();
        var result = await harness.RunAsync("""
            {"StartAt":"A","States":{
              "A":{"Type":"Pass","Result":1,"ResultPath":"$.a","Next":"B"},
              "B":{"Type":"Pass","Result":2,"ResultPath":"$.b","Next":"C"},
              "C":{"Type":"Pass","Result":{"x":3},"ResultPath":"$.c.d","End":true}}}
            """, """{"seed":0}""");

        Assert.Equal("""{"seed":0,"a":1,"b":2,"c":{"d":{"x":3}}}""", result.Output);
        var history = harness.Engine.GetExecutionHistory(result.ExecutionArn);
        string Text(string type, string name, string field) =>
            history.Single(e => e.Type == type && e.Details!["name"]!.GetValue<string>() == name).Details![field]!.GetValue<string>();
        Assert.Equal("""{"seed":0,"a":1}""", Text("PassStateEntered", "B", "input"));
        Assert.Equal("""{"seed":0,"a":1,"b":2}""", Text("PassStateExited", "B", "output"));
        Assert.Equal("""{"seed":0,"a":1,"b":2}""", Text("PassStateEntered", "C", "input"));
    }

    [Fact]
    public async Task A_state_that_fails_after_its_ResultPath_is_redriven_with_its_input_as_it_was()
    {
        var harness = new Harness();
        var definition = """
            {"StartAt":"A","States":{
              "A":{"Type":"Pass","Result":1,"ResultPath":"$.a","Next":"B"},
              "B":{"Type":"Pass","Result":2,"ResultPath":"$.b","OutputPath":"$.missing","Next":"C"},
              "C":{"Type":"Pass","End":true}}}
            """;
        var failed = await harness.RunAsync(definition, """{"seed":0}""");
        Assert.Equal("States.Runtime", failed.Error);

        harness.Engine.RedriveExecution(failed.ExecutionArn);
        await harness.WaitAsync(failed.ExecutionArn);

        var enteredB = harness.Engine.GetExecutionHistory(failed.ExecutionArn)
            .Where(e => e.Type == "PassStateEntered" && e.Details!["name"]!.GetValue<string>() == "B")
            .Select(e => e.Details!["input"]!.GetValue<string>()).ToList();
        Assert.Equal(["""{"seed":0,"a":1}""", """{"seed":0,"a":1}"""], enteredB);
    }

    [Fact]
    public async Task A_variable_assigned_the_input_keeps_its_value_when_a_later_ResultPath_writes_the_same_object()
    {
        var harness = new Harness();
        var result = await harness.RunAsync("""
            {"StartAt":"A","States":{
              "A":{"Type":"Pass","Result":1,"ResultPath":"$.a","Next":"Keep"},
              "Keep":{"Type":"Pass","QueryLanguage":"JSONata","Assign":{"kept":"{% $states.input %}"},"Next":"B"},
              "B":{"Type":"Pass","Result":2,"ResultPath":"$.b","Next":"C"},
              "C":{"Type":"Pass","Parameters":{"kept.$":"$kept","now.$":"$"},"End":true}}}
            """, """{"seed":0}""");

        Assert.Equal("""{"kept":{"seed":0,"a":1},"now":{"seed":0,"a":1,"b":2}}""", result.Output);
    }

    [Fact]
    public async Task A_mocked_result_placed_by_ResultPath_is_a_copy_so_the_next_invocation_returns_it_unchanged()
    {
        var harness = new Harness();
        var mocks = MockConfig.Parse("""
            {"StateMachines":{"Twice":{"TestCases":{"T":{"First":"Same","Second":"Same"}}}},
             "MockedResponses":{"Same":{"0-1":{"Return":{"value":1}}}}}
            """);
        var result = await harness.RunAsync("""
            {"StartAt":"First","States":{
              "First":{"Type":"Task","Resource":"arn:aws:states:::lambda:invoke","ResultPath":"$.first","Next":"Touch"},
              "Touch":{"Type":"Pass","Result":2,"ResultPath":"$.first.value","Next":"Second"},
              "Second":{"Type":"Task","Resource":"arn:aws:states:::lambda:invoke","ResultPath":"$.second","End":true}}}
            """, "{}", new ExecutionOptions(mocks, "T"), name: "Twice");

        Assert.Equal("""{"first":{"value":2},"second":{"value":1}}""", result.Output);
    }
}
