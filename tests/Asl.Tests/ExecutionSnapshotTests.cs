using System.Text.Json.Nodes;

namespace TrainingOrchestration.Asl.Tests;

/// <summary>A failed execution exported from one engine is redriven in another, as `runs redrive` does across processes.</summary>
public sealed class ExecutionSnapshotTests
{
    private const string Chain = """
        {"StartAt":"Prepare","States":{
          "Prepare":{"Type":"Pass","Result":{"prepared":true},"ResultPath":"$.prep","Next":"Train"},
          "Train":{"Type":"Task","Resource":"arn:aws:states:::sagemaker:createTrainingJob","ResultPath":"$.train","Next":"Finish"},
          "Finish":{"Type":"Pass","End":true}}}
        """;

    [Fact]
    public async Task A_failed_execution_imported_into_a_new_engine_redrives_from_the_failed_state_with_the_same_arn_and_history()
    {
        var first = new Harness().With(new RecordingIntegration("arn:aws:states:::sagemaker:createTrainingJob",
            (_, _) => throw new TaskFailedException("SageMaker.ResourceLimitExceededException", "quota")));
        var failed = await first.RunAsync(Chain, """{"runId":"r1"}""", name: "Chain");
        var snapshot = ExecutionSnapshot.FromJson(JsonNode.Parse(first.Engine.ExportExecution(failed.ExecutionArn).ToJson().ToJsonString())!.AsObject());

        var seen = new List<JsonNode?>();
        var second = new Harness().With(new RecordingIntegration("arn:aws:states:::sagemaker:createTrainingJob", (request, _) =>
        {
            seen.Add(request.Parameters?.DeepClone());
            return Task.FromResult<JsonNode?>(new JsonObject { ["TrainingJobArn"] = "arn:job" });
        }));
        second.Create(Chain, "Chain");
        var arn = second.Engine.ImportExecution(snapshot);
        second.Engine.RedriveExecution(arn);
        var done = await second.WaitAsync(arn);

        Assert.Equal(failed.ExecutionArn, arn);
        Assert.Equal(ExecutionStatus.Succeeded, done.Status);
        Assert.Equal(1, done.RedriveCount);
        Assert.Equal("""{"runId":"r1","prep":{"prepared":true}}""", Assert.Single(seen)!.ToJsonString());
        var types = second.EventTypes(arn).ToList();
        Assert.Equal("ExecutionStarted", types[0]);
        Assert.Contains("ExecutionFailed", types);
        Assert.Equal(2, types.Count(t => t == "PassStateEntered")); // Prepare before the failure, Finish after the redrive
        Assert.True(types.IndexOf("ExecutionRedriven") > types.IndexOf("ExecutionFailed"));
        Assert.Equal("ExecutionSucceeded", types[^1]);
    }

    [Fact]
    public async Task A_running_execution_cannot_be_exported()
    {
        var harness = new Harness();
        var activity = harness.Engine.CreateActivity("NoWorker");
        var arn = harness.Start("""{"StartAt":"W","States":{"W":{"Type":"Task","Resource":""" + "\"" + activity + "\"" + ""","End":true}}}""");

        var refused = Assert.Throws<StepFunctionsApiException>(() => harness.Engine.ExportExecution(arn));

        Assert.Equal("ValidationException", refused.ErrorCode);
        harness.Engine.StopExecution(arn);
        await harness.WaitAsync(arn);
    }

    [Fact]
    public async Task Standard_executions_report_each_status_change_in_order_and_express_ones_none()
    {
        var harness = new Harness();
        var changes = new List<string>();
        harness.Engine.ExecutionStatusChanged += d => { lock (changes) changes.Add($"{d.Name}:{d.StatusName}"); };
        var definition = """{"StartAt":"F","States":{"F":{"Type":"Fail","Error":"Boom"}}}""";

        var failed = await harness.RunAsync(definition, name: "Standard");
        var express = harness.Engine.CreateStateMachine("Express", definition, StateMachineType.Express);
        await harness.WaitAsync(harness.Engine.StartExecution(express, "e1", "{}").ExecutionArn);

        Assert.Equal([$"{failed.Name}:RUNNING", $"{failed.Name}:FAILED"], changes);
    }
}
