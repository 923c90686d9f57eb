using TrainingOrchestration.Cli.Commands.Run;

namespace TrainingOrchestration.Cli.Tests.Run;

public sealed class FailureMessageTests
{
    [Fact]
    public void A_glue_failure_shows_the_job_runs_own_message_and_the_glue_runbook_not_the_JobRun()
    {
        const string jobRun = """
            {"Id":"jr_1","JobName":"churn-features","JobRunState":"FAILED","ErrorMessage":"features.sql:3:5: column 'tenure_x' not found","ExecutionTime":12,"Arguments":{"--run_id":"r1"}}
            """;

        var failure = FailureMessage.Explain("BuildFeatures", "States.TaskFailed", jobRun);

        Assert.Equal(("Glue (BuildFeatures) failed: features.sql:3:5: column 'tenure_x' not found", "runbooks/triage-glue.md"), failure);
    }

    [Fact]
    public void A_training_failure_shows_SageMakers_failure_reason_and_the_training_runbook()
    {
        var failure = FailureMessage.Explain("WaitForTrainingJob", "SageMaker.AmazonSageMakerException",
            """{"TrainingJobName":"churn-r1-1","TrainingJobStatus":"Failed","FailureReason":"AlgorithmError: num_class must be set"}""");

        Assert.Equal(("SageMaker (WaitForTrainingJob) failed: AlgorithmError: num_class must be set", "runbooks/triage-training.md"), failure);
    }

    [Fact]
    public void A_plain_text_cause_is_shown_as_it_is_and_an_unknown_step_is_left_to_the_caller()
    {
        Assert.Equal("Lambda (ValidateFeatures) failed: out of memory", FailureMessage.Explain("ValidateFeatures", "Lambda.Unknown", "out of memory")?.Message);
        Assert.Null(FailureMessage.Explain("RecordRunStarted", "DynamoDB.ConditionalCheckFailedException", "{}"));
    }

    [Fact]
    public void Every_runbook_named_exists()
    {
        foreach (var step in new[] { "BuildFeatures", "ValidateFeatures", "StartTrainingJob", "WaitForTrainingJob", "ScoreTestSplit", "EvaluateCandidate" })
        {
            var runbook = FailureMessage.Explain(step, null, null)!.Value.Runbook;
            Assert.True(File.Exists(Path.Combine(CliProcess.RepositoryRoot, runbook)), runbook);
        }
    }
}
