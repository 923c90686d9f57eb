using System.Text.Json.Nodes;

namespace TrainingOrchestration.Asl.Tests.Jsonata;

public sealed class JsonataStateTests
{
    [Fact]
    public async Task JSONata_Arguments_Output_and_Assign_see_states_input_result_and_variables()
    {
        var harness = new Harness().With(new RecordingIntegration("arn:aws:states:::lambda:invoke",
            (request, _) => Task.FromResult<JsonNode?>(new JsonObject { ["Payload"] = new JsonObject { ["score"] = request.Parameters!["x"]!.GetValue<int>() * 2 } })));
        var definition = """
            {"QueryLanguage":"JSONata","StartAt":"Score","States":{
              "Score":{"Type":"Task","Resource":"arn:aws:states:::lambda:invoke","Arguments":{"x":"{% $states.input.value + 1 %}"},
                "Assign":{"score":"{% $states.result.Payload.score %}"},"Output":{"label":"{% 'score=' & $states.result.Payload.score %}"},"Next":"Check"},
              "Check":{"Type":"Choice","Choices":[{"Condition":"{% $score > 10 %}","Next":"High","Output":{"band":"high","score":"{% $score %}"}}],"Default":"Low"},
              "High":{"Type":"Succeed"},
              "Low":{"Type":"Fail","Error":"TooLow","Cause":"{% 'score ' & $string($score) %}"}}}
            """;

        var high = await harness.RunAsync(definition, """{"value":6}""", name: "High");
        var low = await harness.RunAsync(definition, """{"value":1}""", name: "Low");

        Assert.True(high.Status == ExecutionStatus.Succeeded, $"{high.Error}: {high.Cause}");
        Assert.Equal("""{"band":"high","score":14}""", high.Output);
        Assert.Equal("TooLow", low.Error);
        Assert.Equal("score 4", low.Cause);
    }

    [Fact]
    public async Task A_JSONata_expression_that_yields_nothing_fails_with_States_QueryEvaluationError_naming_the_field()
    {
        var harness = new Harness();

        var result = await harness.RunAsync("""
            {"QueryLanguage":"JSONata","StartAt":"P","States":{"P":{"Type":"Pass","Output":{"result":"{% $missing %}"},"End":true}}}
            """);

        Assert.Equal("States.QueryEvaluationError", result.Error);
        Assert.Contains("'Output/result' returned nothing (undefined)", result.Cause);
    }

    [Fact]
    public async Task An_execution_past_its_TimeoutSeconds_ends_TIMED_OUT_at_the_deadline()
    {
        var harness = new Harness();

        var result = await harness.RunAsync("""{"TimeoutSeconds":30,"StartAt":"W","States":{"W":{"Type":"Wait","Seconds":60,"End":true}}}""");

        Assert.Equal(ExecutionStatus.TimedOut, result.Status);
        Assert.Equal("States.Timeout", result.Error);
        Assert.Equal(harness.T0.AddSeconds(30), result.StopDate);
        Assert.Equal("ExecutionTimedOut", harness.EventTypes(result.ExecutionArn)[^1]);
    }
}
