using Amazon.CDK.Assertions;
using TrainingOrchestration.StateMachine.Tests.Support;

namespace TrainingOrchestration.StateMachine.Tests;

/// <summary>The workflow constructs in a bare stack: names, types and the knobs of the spec they honour.</summary>
public class WorkflowConstructTests
{
    private static readonly Lazy<WorkflowStack> Quiet = new(() =>
        new WorkflowStack(new SpecBuilder().Named("leads").Exploratory().Quiet().Build(), paging: false));

    [Fact]
    public void The_three_state_machines_are_named_after_the_pipeline_with_their_types()
    {
        var template = Quiet.Value.Template;

        template.HasResourceProperties("AWS::StepFunctions::StateMachine", new Dictionary<string, object> { ["StateMachineName"] = "leads-training", ["StateMachineType"] = "STANDARD" });
        template.HasResourceProperties("AWS::StepFunctions::StateMachine", new Dictionary<string, object> { ["StateMachineName"] = "leads-trigger", ["StateMachineType"] = "EXPRESS" });
        template.HasResourceProperties("AWS::StepFunctions::StateMachine", new Dictionary<string, object> { ["StateMachineName"] = "leads-callback", ["StateMachineType"] = "EXPRESS" });
    }

    [Fact]
    public void Without_success_notifications_or_paging_the_outcome_goes_straight_to_the_lock_release()
    {
        var states = Quiet.Value.States("leads-training");

        Assert.False(states.ContainsKey("NotifyOutcome"));
        Assert.False(states.ContainsKey("PageOnCall"));
        Assert.Equal("ReleasePipelineLock", states["RecordRunSucceeded"]!["Next"]!.GetValue<string>());
        Assert.Equal("PublishRunFailed", states["NotifyFailure"]!["Next"]!.GetValue<string>());
    }

    [Fact]
    public void On_demand_training_sets_no_spot_wait()
    {
        var request = Quiet.Value.States("leads-training")["StartTrainingJob"]!["Parameters"]!;

        Assert.False(request["EnableManagedSpotTraining"]!.GetValue<bool>());
        Assert.Null(request["StoppingCondition"]!["MaxWaitTimeInSeconds"]);
        Assert.Equal("exploratory", request["Tags"]![1]!["Value"]!.GetValue<string>());
    }

    [Fact]
    public void A_pipeline_name_too_long_for_sagemaker_job_names_is_refused()
    {
        var spec = new SpecBuilder().Named(new string('a', TrainingWorkflow.MaxPipelineNameLength + 1)).Build();

        var error = Assert.Throws<ArgumentException>(() => new WorkflowStack(spec, paging: false));

        Assert.Contains("at most 36", error.Message);
    }

    [Fact]
    public void Without_paging_every_business_failure_still_names_its_state_before_RecordRunFailed()
    {
        var states = Quiet.Value.States("leads-training");

        var failurePasses = states.Where(s => s.Value!["ResultPath"]?.GetValue<string>() == "$.failedState").ToList();

        Assert.Contains(failurePasses, s => s.Key == "ValidateFeaturesFailed");
        Assert.DoesNotContain(failurePasses, s => s.Key == "BuildFeaturesFailed");
        Assert.Contains(failurePasses, s => s.Key == "WaitForTrainingJobFailed");
        Assert.All(failurePasses, s =>
        {
            Assert.Equal(s.Key, s.Value!["Result"]!.GetValue<string>() + "Failed");
            Assert.Equal("RecordRunFailed", s.Value!["Next"]!.GetValue<string>());
        });
        Assert.DoesNotContain(states, s => s.Value!["Catch"]?.AsArray().Any(c => c!["Next"]!.GetValue<string>() == "RecordRunFailed") == true);
    }
}
