using System.Text.Json.Nodes;

namespace TrainingOrchestration.Asl.Tests.Api;

public sealed class ExecutionApiTests
{
    private const string LongWait = """{"StartAt":"W","States":{"W":{"Type":"Wait","Seconds":60,"End":true}}}""";

    [Fact]
    public void Starting_the_same_name_with_the_same_input_while_running_returns_the_running_execution()
    {
        var harness = new Harness();
        using var hold = harness.Clock.Hold();
        var machine = harness.Create(LongWait);

        var first = harness.Engine.StartExecution(machine, "run-1", """{"a":1}""");
        var again = harness.Engine.StartExecution(machine, "run-1", """{"a":1}""");
        var clash = Assert.Throws<StepFunctionsApiException>(() => harness.Engine.StartExecution(machine, "run-1", """{"a":2}"""));

        Assert.Equal(first.ExecutionArn, again.ExecutionArn);
        Assert.Equal("ExecutionAlreadyExists", clash.ErrorCode);
    }

    [Fact]
    public async Task A_finished_execution_name_cannot_be_reused_even_with_the_same_input()
    {
        var harness = new Harness();
        var machine = harness.Create("""{"StartAt":"P","States":{"P":{"Type":"Pass","End":true}}}""");
        var first = harness.Engine.StartExecution(machine, "run-1", "{}");
        await harness.WaitAsync(first.ExecutionArn);

        var clash = Assert.Throws<StepFunctionsApiException>(() => harness.Engine.StartExecution(machine, "run-1", "{}"));

        Assert.Equal("ExecutionAlreadyExists", clash.ErrorCode);
    }

    [Fact]
    public async Task StopExecution_aborts_a_waiting_execution_and_records_ExecutionAborted()
    {
        var harness = new Harness();
        var hold = harness.Clock.Hold();
        var arn = harness.Start(LongWait);
        await Task.Delay(50);

        harness.Engine.StopExecution(arn, "Operator", "stopped by hand");
        hold.Dispose();
        var result = await harness.WaitAsync(arn);

        Assert.Equal(ExecutionStatus.Aborted, result.Status);
        Assert.Equal("Operator", result.Error);
        Assert.Equal("ExecutionAborted", harness.EventTypes(arn)[^1]);
    }

    [Fact]
    public void Unknown_executions_and_machines_are_reported_with_AWS_error_codes()
    {
        var harness = new Harness();

        var execution = Assert.Throws<StepFunctionsApiException>(() => harness.Engine.DescribeExecution("arn:aws:states:us-east-1:123456789012:execution:x:y"));
        var machine = Assert.Throws<StepFunctionsApiException>(() => harness.Engine.StartExecution("arn:aws:states:us-east-1:123456789012:stateMachine:nope", null, "{}"));

        Assert.Equal("ExecutionDoesNotExist", execution.ErrorCode);
        Assert.Equal("StateMachineDoesNotExist", machine.ErrorCode);
    }

    [Fact]
    public async Task The_context_object_describes_the_execution_state_machine_state_and_map_item()
    {
        var harness = new Harness();
        var definition = """
            {"StartAt":"Ctx","States":{
              "Ctx":{"Type":"Pass","Parameters":{"ctx.$":"$$"},"Next":"M"},
              "M":{"Type":"Map","ItemsPath":"$.ctx.Execution.Input.items","ItemSelector":{"i.$":"$$.Map.Item.Index","v.$":"$$.Map.Item.Value"},
                   "ItemProcessor":{"StartAt":"P","States":{"P":{"Type":"Pass","End":true}}},"ResultPath":"$.items","End":true}}}
            """;

        var result = await harness.RunAsync(definition, """{"items":["a","b"]}""", name: "Ctx");
        var output = Harness.Output(result)!;
        var ctx = output["ctx"]!;

        Assert.Equal(result.ExecutionArn, ctx["Execution"]!["Id"]!.GetValue<string>());
        Assert.Equal(result.Name, ctx["Execution"]!["Name"]!.GetValue<string>());
        Assert.Equal("2024-01-01T00:00:00.000Z", ctx["Execution"]!["StartTime"]!.GetValue<string>());
        Assert.Equal(0, ctx["Execution"]!["RedriveCount"]!.GetValue<int>());
        Assert.StartsWith("arn:aws:iam::", ctx["Execution"]!["RoleArn"]!.GetValue<string>());
        Assert.Equal("Ctx", ctx["StateMachine"]!["Name"]!.GetValue<string>());
        Assert.Equal("Ctx", ctx["State"]!["Name"]!.GetValue<string>());
        Assert.Null(ctx["State"]!["RetryCount"]);
        Assert.Equal("""[{"i":0,"v":"a"},{"i":1,"v":"b"}]""", output["items"]!.ToJsonString());
    }

    [Fact]
    public async Task History_uses_AWS_event_types_and_detail_names()
    {
        var harness = new Harness().With(new RecordingIntegration("arn:aws:states:::lambda:invoke", (_, _) => Task.FromResult<JsonNode?>(new JsonObject { ["Payload"] = 1 })));
        var result = await harness.RunAsync("""
            {"StartAt":"P","States":{"P":{"Type":"Pass","Next":"T"},
              "T":{"Type":"Task","Resource":"arn:aws:states:::lambda:invoke","Parameters":{"FunctionName":"f"},"End":true}}}
            """);

        var history = harness.Engine.GetExecutionHistory(result.ExecutionArn);

        Assert.Equal(["ExecutionStarted", "PassStateEntered", "PassStateExited", "TaskStateEntered", "TaskScheduled", "TaskStarted",
            "TaskSucceeded", "TaskStateExited", "ExecutionSucceeded"], history.Select(e => e.Type));
        var scheduled = history[4].ToJson();
        Assert.Equal("lambda", scheduled["taskScheduledEventDetails"]!["resourceType"]!.GetValue<string>());
        Assert.Equal("invoke", scheduled["taskScheduledEventDetails"]!["resource"]!.GetValue<string>());
        Assert.Equal("""{"FunctionName":"f"}""", scheduled["taskScheduledEventDetails"]!["parameters"]!.GetValue<string>());
        Assert.Equal("P", history[1].ToJson()["stateEnteredEventDetails"]!["name"]!.GetValue<string>());
        Assert.Equal(history[0].Id, history[1].PreviousEventId);
    }

    /// <summary>
    /// "States.ALL ... can't catch the States.DataLimitExceeded terminal error" and "DataLimitExceeded is a terminal error
    /// that can't be caught by the States.ALL error type" (docs.aws.amazon.com/step-functions/latest/dg/concepts-error-handling.html);
    /// a catcher naming the error itself still catches it.
    /// </summary>
    [Fact]
    public async Task A_state_output_over_256_KiB_fails_with_States_DataLimitExceeded_which_only_a_catcher_naming_it_catches()
    {
        var harness = new Harness();
        const string wrapped = """
            {"StartAt":"P","States":{"P":{"Type":"Parallel","Branches":[{"StartAt":"B","States":{"B":{"Type":"Pass","Parameters":{"a.$":"$.s","b.$":"$.s","c.$":"$.s"},"End":true}}}],
              "Catch":[{"ErrorEquals":["ERRORS"],"ResultPath":null,"Next":"Ok"}],"End":true},"Ok":{"Type":"Succeed","OutputPath":null}}}
            """;
        var input = new JsonObject { ["s"] = new string('z', 100 * 1024) }.ToJsonString();

        var uncaught = await harness.RunAsync("""{"StartAt":"P","States":{"P":{"Type":"Pass","Parameters":{"a.$":"$.s","b.$":"$.s","c.$":"$.s"},"End":true}}}""", input, name: "A");
        var all = await harness.RunAsync(wrapped.Replace("ERRORS", "States.ALL"), input, name: "B");
        var named = await harness.RunAsync(wrapped.Replace("ERRORS", "States.DataLimitExceeded"), input, name: "C");

        Assert.Equal("States.DataLimitExceeded", uncaught.Error);
        Assert.Equal(("States.DataLimitExceeded", ExecutionStatus.Failed), (all.Error, all.Status));
        Assert.Equal(ExecutionStatus.Succeeded, named.Status);
    }
}
