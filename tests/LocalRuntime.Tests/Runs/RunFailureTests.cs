using System.Text.Json.Nodes;
using TrainingOrchestration.LocalRuntime.Runs;
using Xunit;

namespace TrainingOrchestration.LocalRuntime.Tests.Runs;

/// <summary>A run item's error is the run's failure only while it is FAILED; after a redrive it is what the redrive recovered from.</summary>
public sealed class RunFailureTests
{
    private static JsonObject Run(string status, int redrives) => new()
    {
        ["status"] = status, ["redriveCount"] = redrives,
        ["error"] = "States.TaskFailed", ["cause"] = "the transform failed", ["failedState"] = "ScoreTestSplit",
    };

    [Fact]
    public void A_failed_run_names_its_failure()
    {
        var failure = RunFailure.Current(Run("FAILED", 0));
        Assert.Equal(("States.TaskFailed", "ScoreTestSplit"), (failure?.Error, failure?.FailedState));
        Assert.Null(RunFailure.RecoveredFrom(Run("FAILED", 0)));
        Assert.NotNull(RunFailure.Current(Run("FAILED", 2)));
    }

    [Theory]
    [InlineData("SUCCEEDED")]
    [InlineData("RUNNING")]
    public void A_redriven_run_that_is_not_failed_names_what_it_recovered_from(string status)
    {
        var run = Run(status, 1);
        Assert.Null(RunFailure.Current(run));
        var recovered = RunFailure.RecoveredFrom(run);
        Assert.Equal("recovered by redrive 1 from States.TaskFailed at ScoreTestSplit", recovered?.Describe());
        Assert.Equal("the transform failed", recovered?.ToJson()["cause"]?.GetValue<string>());
    }

    [Fact]
    public void A_run_that_never_failed_names_nothing()
    {
        var run = new JsonObject { ["status"] = "SUCCEEDED", ["redriveCount"] = 0 };
        Assert.Null(RunFailure.Of(run));
        Assert.Null(RunFailure.Of(null));
    }
}
