using TrainingOrchestration.Infra.Tests.Support;

namespace TrainingOrchestration.StateMachine.Tests;

[Collection(SynthesisCollection.Name)]
public class CallbackWorkflowTests(SynthesizedPipelines synthesized)
{
    private readonly Definition _callback = Definition.Of(synthesized, SynthesizedPipelines.Critical, "fraud-callback");

    [Theory]
    [InlineData("LookUpTaskToken", ":states:::dynamodb:getItem")]
    [InlineData("ClaimTaskToken", ":states:::dynamodb:updateItem")]
    [InlineData("RecordOrphanEvent", ":states:::dynamodb:putItem")]
    [InlineData("ReportTrainingSucceeded", ":states:::aws-sdk:sfn:sendTaskSuccess")]
    [InlineData("ReportTrainingFailed", ":states:::aws-sdk:sfn:sendTaskFailure")]
    public void Every_callback_task_uses_its_integration(string state, string resource) =>
        Assert.Contains(resource, _callback.State(state)["Resource"]!.GetValue<string>());

    [Fact]
    public void The_token_is_looked_up_under_the_training_job_name_with_a_consistent_read()
    {
        var lookUp = _callback.State("LookUpTaskToken")["Parameters"]!;

        Assert.Equal("States.Format('TOKEN#{}', $.detail.TrainingJobName)", lookUp["Key"]!["pk"]!["S.$"]!.GetValue<string>());
        Assert.Equal("TOKEN", lookUp["Key"]!["sk"]!["S"]!.GetValue<string>());
        Assert.True(lookUp["ConsistentRead"]!.GetValue<bool>());
    }

    [Fact]
    public void An_event_before_the_token_waits_ten_seconds_up_to_twenty_times_then_is_recorded_as_orphan()
    {
        var choices = _callback.State("TokenStored?")["Choices"]!.AsArray();

        Assert.Equal("WaitForTokenToBeStored", choices[0]!["Next"]!.GetValue<string>());
        Assert.Contains("\"NumericLessThan\":20", choices[0]!.ToJsonString());
        Assert.Equal("RecordOrphanEvent", choices[1]!["Next"]!.GetValue<string>());
        Assert.Equal("DuplicateEvent", choices[2]!["Next"]!.GetValue<string>());
        Assert.Equal("ClaimTaskToken", _callback.State("TokenStored?")["Default"]!.GetValue<string>());
        Assert.Equal(10, _callback.State("WaitForTokenToBeStored")["Seconds"]!.GetValue<int>());
        Assert.Equal("States.MathAdd($.tokenWaits.count, 1)", _callback.State("CountTokenWait")["Parameters"]!["count.$"]!.GetValue<string>());
        Assert.Equal("LookUpTaskToken", _callback.State("CountTokenWait")["Next"]!.GetValue<string>());
    }

    [Fact]
    public void A_duplicate_event_loses_the_conditional_claim_and_ends_quietly()
    {
        var claim = _callback.State("ClaimTaskToken");

        Assert.Equal("attribute_not_exists(#consumedAt)", claim["Parameters"]!["ConditionExpression"]!.GetValue<string>());
        Assert.Equal("DuplicateEvent", claim["Catch"]![0]!["Next"]!.GetValue<string>());
        Assert.Equal("Succeed", _callback.State("DuplicateEvent")["Type"]!.GetValue<string>());
    }

    [Theory]
    [InlineData("ReportTrainingSucceeded")]
    [InlineData("ReportTrainingFailed")]
    public void A_task_that_already_closed_is_tolerated(string state)
    {
        var closed = _callback.State(state)["Catch"]![0]!;

        Assert.Equal(["Sfn.TaskTimedOutException", "Sfn.InvalidTokenException", "Sfn.TaskDoesNotExistException"],
            closed["ErrorEquals"]!.AsArray().Select(e => e!.GetValue<string>()));
        Assert.Equal("TaskAlreadyClosed", closed["Next"]!.GetValue<string>());
    }

    [Fact]
    public void Success_sends_the_job_detail_and_failure_sends_the_error_the_training_workflow_catches()
    {
        Assert.Equal("States.JsonToString($.detail)", _callback.State("ReportTrainingSucceeded")["Parameters"]!["Output.$"]!.GetValue<string>());
        Assert.Equal("$.token.Item.taskToken.S", _callback.State("ReportTrainingSucceeded")["Parameters"]!["TaskToken.$"]!.GetValue<string>());
        Assert.Equal("States.Format('TrainingJob{}', $.detail.TrainingJobStatus)", _callback.State("ReportTrainingFailed")["Parameters"]!["Error.$"]!.GetValue<string>());
        Assert.Equal("ReportTrainingSucceeded", _callback.State("JobOutcome?")["Choices"]![0]!["Next"]!.GetValue<string>());
    }

    [Fact]
    public void Every_callback_task_retries_with_full_jitter() =>
        Assert.All(_callback.Tasks, t => Assert.Equal("FULL", t.State["Retry"]![0]!["JitterStrategy"]!.GetValue<string>()));
}
