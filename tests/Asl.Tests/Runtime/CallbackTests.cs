using System.Text.Json.Nodes;

namespace TrainingOrchestration.Asl.Tests.Runtime;

public sealed class CallbackTests
{
    private const string PutItem = "arn:aws:states:::aws-sdk:dynamodb:putItem.waitForTaskToken";

    private static string WaitingTask(string extra = "") => """
        {"StartAt":"Wait","States":{"Wait":{"Type":"Task","Resource":"RES",
          "Parameters":{"Item":{"token":{"S.$":"$$.Task.Token"}}},EXTRA"End":true}}}
        """.Replace("RES", PutItem).Replace("EXTRA", extra);

    private static async Task<string> TokenOf(RecordingIntegration store)
    {
        for (var i = 0; i < 500 && store.Calls.Count == 0; i++) await Task.Delay(10);
        return store.Calls.Single().Token!;
    }

    private static RecordingIntegration TokenStore() => new(PutItem, (_, _) => Task.FromResult<JsonNode?>(new JsonObject()));

    [Fact]
    public async Task SendTaskSuccess_output_becomes_the_task_result_and_the_token_is_in_the_parameters()
    {
        var store = TokenStore();
        var harness = new Harness().With(store);
        using var outsideWork = harness.Clock.Hold();
        var arn = harness.Start(WaitingTask());
        var token = await TokenOf(store);

        harness.Engine.SendTaskSuccess(token, """{"trained":true}""");
        outsideWork.Dispose();
        var result = await harness.WaitAsync(arn);

        Assert.Equal("""{"trained":true}""", result.Output);
        Assert.Equal(token, store.Calls[0].Parameters!["Item"]!["token"]!["S"]!.GetValue<string>());
        Assert.Contains("TaskSubmitted", harness.EventTypes(arn));
    }

    [Fact]
    public async Task SendTaskFailure_fails_the_task_with_the_given_error_which_Catch_can_handle()
    {
        var store = TokenStore();
        var harness = new Harness().With(store);
        using var outsideWork = harness.Clock.Hold();
        var arn = harness.Start("""
            {"StartAt":"Wait","States":{"Wait":{"Type":"Task","Resource":"RES","Parameters":{"t.$":"$$.Task.Token"},
              "Catch":[{"ErrorEquals":["TrainingJobFailed"],"Next":"Failed"}],"End":true},
              "Failed":{"Type":"Pass","End":true}}}
            """.Replace("RES", PutItem));

        harness.Engine.SendTaskFailure(await TokenOf(store), "TrainingJobFailed", "AlgorithmError");
        outsideWork.Dispose();
        var result = await harness.WaitAsync(arn);

        Assert.Equal("""{"Error":"TrainingJobFailed","Cause":"AlgorithmError"}""", result.Output);
    }

    [Fact]
    public async Task Time_does_not_jump_to_the_token_timeout_while_outside_work_holds_the_clock()
    {
        var store = TokenStore();
        var harness = new Harness().With(store);
        var outsideWork = harness.Clock.Hold();
        var arn = harness.Start(WaitingTask("\"TimeoutSeconds\":3600,"));
        var token = await TokenOf(store);

        await Task.Delay(300); // real work (training a model) while the execution waits on its token
        harness.Engine.SendTaskSuccess(token, "{}");
        outsideWork.Dispose();
        var result = await harness.WaitAsync(arn);

        Assert.Equal(ExecutionStatus.Succeeded, result.Status);
        Assert.Equal(harness.T0, result.StopDate);
    }

    [Fact]
    public async Task Without_outside_work_the_clock_jumps_to_the_token_timeout_and_the_task_times_out()
    {
        var harness = new Harness().With(TokenStore());

        var result = await harness.RunAsync(WaitingTask("\"TimeoutSeconds\":3600,"));

        Assert.Equal("States.Timeout", result.Error);
        Assert.Equal(harness.T0.AddHours(1), result.StopDate);
    }

    [Fact]
    public async Task Heartbeats_keep_a_task_alive_and_a_missed_heartbeat_fails_it_with_States_HeartbeatTimeout()
    {
        var store = TokenStore();
        var harness = new Harness(new VirtualClock(new DateTimeOffset(2024, 1, 1, 0, 0, 0, TimeSpan.Zero), autoAdvance: false)).With(store);
        var arn = harness.Start(WaitingTask("\"TimeoutSeconds\":100,\"HeartbeatSeconds\":10,"));
        var token = await TokenOf(store);
        await harness.Clock.AdvanceAsync(TimeSpan.Zero);

        await harness.Clock.AdvanceAsync(TimeSpan.FromSeconds(8));
        harness.Engine.SendTaskHeartbeat(token);
        await harness.Clock.AdvanceAsync(TimeSpan.FromSeconds(8));
        var stillRunning = harness.Engine.DescribeExecution(arn).Status;
        await harness.Clock.AdvanceAsync(TimeSpan.FromSeconds(3));
        var result = await harness.WaitAsync(arn);

        Assert.Equal(ExecutionStatus.Running, stillRunning);
        Assert.Equal("States.HeartbeatTimeout", result.Error);
        Assert.Equal(harness.T0.AddSeconds(18), result.StopDate);
    }

    [Fact]
    public async Task A_token_answered_twice_reports_TaskTimedOut_and_an_unknown_token_InvalidToken()
    {
        var store = TokenStore();
        var harness = new Harness().With(store);
        using (harness.Clock.Hold())
        {
            var arn = harness.Start(WaitingTask());
            var token = await TokenOf(store);
            harness.Engine.SendTaskSuccess(token, "{}");
            await harness.WaitAsync(arn);

            var again = Assert.Throws<StepFunctionsApiException>(() => harness.Engine.SendTaskSuccess(token, "{}"));
            var unknown = Assert.Throws<StepFunctionsApiException>(() => harness.Engine.SendTaskSuccess("not-a-token", "{}"));

            Assert.Equal("TaskTimedOut", again.ErrorCode);
            Assert.Equal("InvalidToken", unknown.ErrorCode);
        }
    }

    [Fact]
    public async Task A_callback_workflow_completes_another_execution_through_aws_sdk_sfn_sendTaskSuccess()
    {
        var store = TokenStore();
        var harness = new Harness().With(store);
        var waitingArn = harness.Start(WaitingTask("\"TimeoutSeconds\":3600,"), name: "Waiting");
        var callback = """
            {"StartAt":"Send","States":{"Send":{"Type":"Task","Resource":"arn:aws:states:::aws-sdk:sfn:sendTaskSuccess",
              "Parameters":{"TaskToken.$":"$.token","Output":{"status":"Completed"}},"End":true}}}
            """;
        using (harness.Clock.Hold())
        {
            var token = await TokenOf(store);
            var sent = await harness.RunAsync(callback, new JsonObject { ["token"] = token }.ToJsonString(), name: "Callback");
            Assert.Equal(ExecutionStatus.Succeeded, sent.Status);
        }

        var waited = await harness.WaitAsync(waitingArn);

        Assert.Equal("""{"status":"Completed"}""", waited.Output);
    }

    [Fact]
    public async Task Answering_a_finished_token_from_a_workflow_fails_with_Sfn_TaskTimedOutException()
    {
        var harness = new Harness().With(TokenStore());
        var timedOut = await harness.RunAsync(WaitingTask("\"TimeoutSeconds\":5,"), name: "Waiting");
        var token = harness.Engine.GetExecutionHistory(timedOut.ExecutionArn)
            .Single(e => e.Type == "TaskScheduled").Details!["parameters"]!.GetValue<string>();
        var tokenValue = JsonNode.Parse(token)!["Item"]!["token"]!["S"]!.GetValue<string>();

        var result = await harness.RunAsync("""
            {"StartAt":"Send","States":{"Send":{"Type":"Task","Resource":"arn:aws:states:::aws-sdk:sfn:sendTaskSuccess",
              "Parameters":{"TaskToken.$":"$.token","Output":"{}"},"End":true}}}
            """, new JsonObject { ["token"] = tokenValue }.ToJsonString(), name: "Callback");

        Assert.Equal("Sfn.TaskTimedOutException", result.Error);
    }

    [Fact]
    public async Task An_activity_worker_takes_the_task_and_answers_it_with_the_token()
    {
        var harness = new Harness();
        var activity = harness.Engine.CreateActivity("score");
        using var worker = harness.Clock.Hold();
        var arn = harness.Start("""
            {"StartAt":"A","States":{"A":{"Type":"Task","Resource":"ACTIVITY","Parameters":{"n.$":"$.n"},"TimeoutSeconds":600,"End":true}}}
            """.Replace("ACTIVITY", activity), """{"n":3}""");

        var task = await harness.Engine.GetActivityTaskAsync(activity, "worker-1", new CancellationTokenSource(TimeSpan.FromSeconds(10)).Token);
        harness.Engine.SendTaskSuccess(task.TaskToken, """{"scored":3}""");
        worker.Dispose();
        var result = await harness.WaitAsync(arn);

        Assert.Equal("""{"n":3}""", task.Input);
        Assert.Equal("""{"scored":3}""", result.Output);
        Assert.Equal(["ExecutionStarted", "TaskStateEntered", "ActivityScheduled", "ActivityStarted", "ActivitySucceeded", "TaskStateExited", "ExecutionSucceeded"],
            harness.EventTypes(arn));
    }
}
