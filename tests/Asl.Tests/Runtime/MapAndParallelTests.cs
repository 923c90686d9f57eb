using System.Text.Json.Nodes;

namespace TrainingOrchestration.Asl.Tests.Runtime;

public sealed class MapAndParallelTests
{
    private const string Lambda = "arn:aws:states:::lambda:invoke";

    private static string MapOf(string options) => """
        {"StartAt":"M","States":{"M":{"Type":"Map","ItemsPath":"$.items",OPTIONS
          "ItemProcessor":{"StartAt":"T","States":{"T":{"Type":"Task","Resource":"RES","Parameters":{"item.$":"$"},"End":true}}},"End":true}}}
        """.Replace("OPTIONS", options).Replace("RES", Lambda);

    private static RecordingIntegration SlowEcho(Func<int, bool>? fails = null) => new(Lambda, async (request, _) =>
    {
        var item = request.Parameters!["item"]!.GetValue<int>();
        await Task.Delay(5);
        if (fails?.Invoke(item) == true) throw new TaskFailedException("Item.Bad", $"item {item}");
        return JsonValue.Create(item);
    });

    private static string Items(int count) => new JsonObject { ["items"] = new JsonArray(Enumerable.Range(0, count).Select(i => (JsonNode?)i).ToArray()) }.ToJsonString();

    [Fact]
    public async Task MaxConcurrency_bounds_how_many_iterations_run_at_once()
    {
        var service = SlowEcho();
        var harness = new Harness().With(service);

        var result = await harness.RunAsync(MapOf("\"MaxConcurrency\":2,"), Items(8));

        Assert.Equal("[0,1,2,3,4,5,6,7]", result.Output);
        Assert.Equal(2, service.MaxInFlight);
    }

    [Fact]
    public async Task Without_MaxConcurrency_iterations_run_together()
    {
        var service = SlowEcho();
        var harness = new Harness().With(service);

        await harness.RunAsync(MapOf(""), Items(8));

        Assert.True(service.MaxInFlight > 2, $"expected iterations to overlap, max in flight was {service.MaxInFlight}");
    }

    [Fact]
    public async Task A_failed_iteration_fails_the_Map_with_its_error_when_nothing_is_tolerated()
    {
        var harness = new Harness().With(SlowEcho(i => i == 3));

        var result = await harness.RunAsync(MapOf("\"MaxConcurrency\":1,"), Items(5));

        Assert.Equal("Item.Bad", result.Error);
        Assert.Equal("item 3", result.Cause);
        Assert.Contains("MapIterationFailed", harness.EventTypes(result.ExecutionArn));
    }

    [Fact]
    public async Task Failures_within_ToleratedFailureCount_let_the_Map_succeed_with_the_errors_in_place()
    {
        var harness = new Harness().With(SlowEcho(i => i == 1));

        var result = await harness.RunAsync(MapOf("\"ToleratedFailureCount\":1,"), Items(3));

        Assert.Equal(ExecutionStatus.Succeeded, result.Status);
        Assert.Equal("""[0,{"Error":"Item.Bad","Cause":"item 1"},2]""", result.Output);
    }

    [Fact]
    public async Task Exceeding_the_tolerated_failure_count_or_percentage_fails_with_ExceedToleratedFailureThreshold()
    {
        var harness = new Harness().With(SlowEcho(i => i % 2 == 0));

        var byCount = await harness.RunAsync(MapOf("\"ToleratedFailureCount\":1,"), Items(4), name: "ByCount");
        var byPercentage = await harness.RunAsync(MapOf("\"ToleratedFailurePercentage\":25,"), Items(4), name: "ByPercentage");
        var tolerated = await harness.RunAsync(MapOf("\"ToleratedFailurePercentage\":50,"), Items(4), name: "Tolerated");

        Assert.Equal("States.ExceedToleratedFailureThreshold", byCount.Error);
        Assert.Equal("States.ExceedToleratedFailureThreshold", byPercentage.Error);
        Assert.Equal(ExecutionStatus.Succeeded, tolerated.Status);
    }

    [Fact]
    public async Task Map_waits_in_iterations_overlap_on_the_virtual_clock()
    {
        var harness = new Harness();
        var definition = """
            {"StartAt":"M","States":{"M":{"Type":"Map","ItemsPath":"$.items","MaxConcurrency":2,
              "ItemProcessor":{"StartAt":"W","States":{"W":{"Type":"Wait","SecondsPath":"$","End":true}}},"End":true}}}
            """;

        var result = await harness.RunAsync(definition, """{"items":[10,20,30,40]}""");

        // Two lanes: 10 then 30 (ends at 40), 20 then 40 (ends at 60).
        Assert.Equal(harness.T0.AddSeconds(60), result.StopDate);
    }

    [Fact]
    public async Task A_failing_Parallel_branch_fails_the_state_with_the_branch_error_and_Catch_handles_it()
    {
        var harness = new Harness();
        var definition = """
            {"StartAt":"P","States":{"P":{"Type":"Parallel","End":true,
              "Branches":[{"StartAt":"Ok","States":{"Ok":{"Type":"Wait","Seconds":5,"End":true}}},
                          {"StartAt":"Bad","States":{"Bad":{"Type":"Fail","Error":"Branch.Broke","Cause":"b"}}}],
              "Catch":[{"ErrorEquals":["Branch.Broke"],"Next":"Caught"}]},
             "Caught":{"Type":"Pass","End":true}}}
            """;

        var result = await harness.RunAsync(definition);

        Assert.Equal("""{"Error":"Branch.Broke","Cause":"b"}""", result.Output);
        Assert.Contains("ParallelStateFailed", harness.EventTypes(result.ExecutionArn));
    }

    [Fact]
    public async Task StartExecution_sync_runs_the_child_to_completion_and_returns_its_output()
    {
        var harness = new Harness();
        var child = harness.Create("""{"StartAt":"W","States":{"W":{"Type":"Wait","Seconds":30,"Next":"P"},"P":{"Type":"Pass","Result":{"child":"done"},"End":true}}}""", "Child");
        var parent = """
            {"StartAt":"Run","States":{"Run":{"Type":"Task","Resource":"arn:aws:states:::states:startExecution.sync:2",
              "Parameters":{"StateMachineArn":"CHILD","Input":{"x":1}},"OutputPath":"$.Output","End":true}}}
            """.Replace("CHILD", child);

        var result = await harness.RunAsync(parent, name: "Parent");

        Assert.Equal("""{"child":"done"}""", result.Output);
        Assert.Equal(harness.T0.AddSeconds(30), result.StopDate);
    }

    [Fact]
    public async Task StartExecution_with_a_name_already_used_fails_with_StepFunctions_ExecutionAlreadyExistsException()
    {
        var harness = new Harness();
        var child = harness.Create("""{"StartAt":"P","States":{"P":{"Type":"Pass","End":true}}}""", "Child");
        await harness.WaitAsync(harness.Engine.StartExecution(child, "same", "{}").ExecutionArn);
        var parent = """
            {"StartAt":"Run","States":{"Run":{"Type":"Task","Resource":"arn:aws:states:::states:startExecution",
              "Parameters":{"StateMachineArn":"CHILD","Name":"same","Input":{"x":1}},"End":true}}}
            """.Replace("CHILD", child);

        var result = await harness.RunAsync(parent, name: "Parent");

        Assert.Equal("StepFunctions.ExecutionAlreadyExistsException", result.Error);
    }

    [Fact]
    public async Task Results_that_handlers_return_from_their_own_documents_can_be_gathered_by_a_Map()
    {
        var store = JsonNode.Parse("""{"rows":[{"id":1},{"id":2}]}""")!;
        var harness = new Harness().With(new RecordingIntegration(Lambda,
            (request, _) => Task.FromResult(store["rows"]![request.Parameters!["item"]!.GetValue<int>()])));

        var result = await harness.RunAsync(MapOf(""), Items(2));

        Assert.Equal("""[{"id":1},{"id":2}]""", result.Output);
    }
}
