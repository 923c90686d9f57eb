using System.Text.Json.Nodes;
using TrainingOrchestration.StateMachine.Tests.Support;

namespace TrainingOrchestration.StateMachine.Tests;

/// <summary>The training workflow's steps, in the order <c>TrainingWorkflow</c> chains them and the console shows them.</summary>
public class TrainingWorkflowOrderTests
{
    private static readonly Lazy<WorkflowStack> Notifying = new(() =>
        new WorkflowStack(new SpecBuilder().Named("churn").Build(), paging: true));

    [Fact]
    public void A_promoted_run_passes_every_step_in_the_order_the_workflow_chains_them()
    {
        var states = Notifying.Value.States("churn-training");

        var path = HappyPath(states, states.Parent!["StartAt"]!.GetValue<string>());

        Assert.Equal(
        [
            "IdentifyRun", "AcquirePipelineLock", "RecordRunStarted", "Rerun?", "RecordRerunOf", "RunRecorded",
            "ResetChangeCounter?", "ResetChangeCounter", "ChangeCounterReset", "NotifyTrainingStarted", "BuildFeatures", "ValidateFeatureParts", "ValidateFeatures", "FeaturesPassContract?",
            "NameTrainingJob", "StartTrainingJob", "WaitForTrainingJob", "CreateCandidateModel", "ScoreTestSplit",
            "LookUpChampion", "ChampionToScore?", "ChampionToScore", "CreateChampionModel", "ScoreChampion", "EvaluateCandidate", "PromoteOrReject?", "CopyApprovedModel", "PromoteCandidate", "MarkModelChampion",
            "PreviousChampion?", "ReadCandidateProfile", "CandidateProfiled?", "AcceptProfile", "RegisterApprovedModel", "PublishModelPromoted", "NotifyOutcome", "RecordRunSucceeded", "ReleasePipelineLock", "Done",
        ], path);
    }

    [Fact]
    public void A_taken_over_lock_and_a_reconciled_training_job_rejoin_the_chain_at_the_next_step()
    {
        var states = Notifying.Value.States("churn-training");

        Assert.Equal("RecordAbandonedRun", states["TakeOverStaleLock"]!["Next"]!.GetValue<string>());
        Assert.Equal("RecordRunStarted", states["PreviousRunSettled"]!["Next"]!.GetValue<string>());
        Assert.Equal("#status = :running", states["RecordAbandonedRun"]!["Parameters"]!["ConditionExpression"]!.GetValue<string>());
        Assert.Equal("CreateCandidateModel", states["UseReconciledResult"]!["Next"]!.GetValue<string>());
        Assert.Equal("NotifyOutcome", states["PublishModelRejected"]!["Next"]!.GetValue<string>());
    }

    /// <summary>Follows Next, and for a Choice its first rule, from <paramref name="start"/> to the end.</summary>
    private static List<string> HappyPath(JsonObject states, string start)
    {
        var path = new List<string>();
        for (var name = start; name is not null;)
        {
            Assert.DoesNotContain(name, path);
            path.Add(name);
            var state = states[name]!;
            name = state["Type"]!.GetValue<string>() == "Choice"
                ? state["Choices"]![0]!["Next"]!.GetValue<string>()
                : state["Next"]?.GetValue<string>();
        }
        return path;
    }
}
