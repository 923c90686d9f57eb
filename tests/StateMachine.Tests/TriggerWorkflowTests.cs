using TrainingOrchestration.Infra.Tests.Support;

namespace TrainingOrchestration.StateMachine.Tests;

[Collection(SynthesisCollection.Name)]
public class TriggerWorkflowTests(SynthesizedPipelines synthesized)
{
    private readonly Definition _trigger = Definition.Of(synthesized, SynthesizedPipelines.Critical, "fraud-trigger");

    [Theory]
    [InlineData("CountChanges", ":states:::dynamodb:updateItem")]
    [InlineData("DecideCadence", "TasksDecideCadence")]
    [InlineData("StartTrainingRun", ":states:::states:startExecution")]
    [InlineData("RecordTriggerDecision", ":states:::dynamodb:putItem")]
    public void Every_trigger_task_uses_its_integration(string state, string resource) =>
        Assert.Contains(resource, _trigger.State(state)["Resource"]!.GetValue<string>());

    [Fact]
    public void A_schedule_tick_counts_no_change_and_a_cdc_event_counts_one()
    {
        Assert.Equal("ScheduledCheck", _trigger.State("IsScheduledCheck?")["Choices"]![0]!["Next"]!.GetValue<string>());
        Assert.Contains("Scheduled Event", _trigger.State("IsScheduledCheck?")["Choices"]![0]!.ToJsonString());
        Assert.Equal("0", _trigger.State("ScheduledCheck")["Parameters"]!["changes"]!["count"]!.GetValue<string>());
        Assert.Equal("1", _trigger.State("TableChanged")["Parameters"]!["changes"]!["count"]!.GetValue<string>());
        var count = _trigger.State("CountChanges")["Parameters"]!;
        Assert.StartsWith("ADD #pendingChanges :n SET #firstPendingAt = if_not_exists(#firstPendingAt, :now)", count["UpdateExpression"]!.GetValue<string>());
        Assert.Equal("ALL_NEW", count["ReturnValues"]!.GetValue<string>());
    }

    [Fact]
    public void The_run_starts_under_the_deterministic_execution_name_and_a_duplicate_is_recorded()
    {
        var start = _trigger.State("StartTrainingRun");

        Assert.Equal("$.cadence.executionName", start["Parameters"]!["Name.$"]!.GetValue<string>());
        Assert.Contains("TrainingWorkflowStateMachine", start["Parameters"]!["StateMachineArn"]!.GetValue<string>());
        Assert.Equal("ExplainDuplicateTrigger", start["Catch"]![0]!["Next"]!.GetValue<string>());
        Assert.Equal("$.cadence.reason", _trigger.State("ExplainDuplicateTrigger")["ResultPath"]!.GetValue<string>());
        Assert.Equal("RecordDuplicateTrigger", _trigger.State("ExplainDuplicateTrigger")["Next"]!.GetValue<string>());
        Assert.Equal("StepFunctions.ExecutionAlreadyExistsException", start["Catch"]![0]!["ErrorEquals"]![0]!.GetValue<string>());
        // The trigger does not reset the count: the run does, once it holds the lock (a busy run must not lose the changes).
        Assert.Equal("RecordTriggerDecision", start["Next"]!.GetValue<string>());
        Assert.Equal("States.StringToJson($.counter.Attributes.generation.N)",
            start["Parameters"]!["Input"]!["trigger"]!["generation.$"]!.GetValue<string>());
    }

    [Fact]
    public void Every_path_records_the_decision_with_its_reason()
    {
        Assert.Equal("RecordTriggerDecision", _trigger.State("SkipRun")["Next"]!.GetValue<string>());
        Assert.Equal("RecordTriggerDecision", _trigger.State("RecordDuplicateTrigger")["Next"]!.GetValue<string>());
        var item = _trigger.State("RecordTriggerDecision")["Parameters"]!["Item"]!;
        Assert.Equal("$.outcome.decision", item["decision"]!["S.$"]!.GetValue<string>());
        Assert.Equal("$.cadence.reason", item["reason"]!["S.$"]!.GetValue<string>());
        Assert.Equal("States.Format('DECISION#{}#{}#{}', $$.State.EnteredTime, $.id, $$.Execution.Name)", item["sk"]!["S.$"]!.GetValue<string>());
    }
}
