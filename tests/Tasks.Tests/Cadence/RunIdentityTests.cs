using System.Text.RegularExpressions;
using TrainingOrchestration.Tasks.Cadence;

namespace TrainingOrchestration.Tasks.Tests.Cadence;

public sealed class RunIdentityTests
{
    private static readonly DateTimeOffset At = new(2026, 11, 23, 13, 7, 59, TimeSpan.Zero);

    [Fact]
    public void The_execution_name_is_the_pipeline_and_generation()
    {
        Assert.Equal("churn-g42", RunIdentity.ExecutionName("churn", 42));
    }

    [Fact]
    public void The_run_id_is_the_utc_minute_and_six_hex_digits_that_depend_only_on_pipeline_and_generation()
    {
        var runId = RunIdentity.RunId("churn", 42, At);

        Assert.Matches(new Regex("^20261123T1307-[0-9a-f]{6}$"), runId);
        Assert.Equal(runId, RunIdentity.RunId("churn", 42, At.AddSeconds(-30)));
        Assert.Equal(runId[^6..], RunIdentity.RunId("churn", 42, At.AddDays(3))[^6..]);
        Assert.NotEqual(runId[^6..], RunIdentity.RunId("churn", 43, At)[^6..]);
        Assert.NotEqual(runId[^6..], RunIdentity.RunId("mlc-churn", 42, At)[^6..]);
    }

    [Fact]
    public void The_run_id_uses_utc_whatever_the_offset_of_the_decision_time()
    {
        Assert.StartsWith("20261123T1307-", RunIdentity.RunId("churn", 1, At.ToOffset(TimeSpan.FromHours(9))));
    }

    [Fact]
    public void A_training_job_name_built_from_the_run_id_fits_sagemakers_limit()
    {
        var jobName = $"{"a-long-pipeline-name-of-thirty-ch"}-{RunIdentity.RunId("p", 1, At)}-r10";

        Assert.True(jobName.Length <= 63);
        Assert.Matches(new Regex("^[a-zA-Z0-9-]+$"), jobName);
    }
}
