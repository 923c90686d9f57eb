using System.Text.Json.Nodes;

namespace TrainingOrchestration.Cli.Tests;

public sealed class RunsCommandTests : IDisposable
{
    private readonly RecordedRuns _runs = new();

    public RunsCommandTests()
    {
        _runs.Add("20261123-100000-churn",
            RecordedRuns.Run("20261123T1000-aaaaaa", "SUCCEEDED", "PROMOTED", "no champion yet; auc 0.8468 meets the thresholds", 0.8468),
            RecordedRuns.Validation("20261123T1000-aaaaaa", true, "Contract passed on 7043 rows"));
        _runs.Add("20261123-110000-churn",
            RecordedRuns.Run("20261123T1100-bbbbbb", "FAILED", "FAILED", "1 error rule failed: range tenure_months", 0),
            RecordedRuns.Validation("20261123T1100-bbbbbb", false, "1 error rule failed: range tenure_months"));
    }

    [Fact]
    public async Task Runs_json_lists_every_recorded_run_newest_first_with_decision_reason_metrics_and_validation()
    {
        var (exit, output, error) = await CliProcess.RunAsync("runs", "churn", "--json", "--runs-dir", _runs.Directory);

        Assert.True(exit == 0, error);
        var runs = JsonNode.Parse(output)!.AsArray();
        Assert.Equal(["20261123T1100-bbbbbb", "20261123T1000-aaaaaa"], runs.Select(r => r!["runId"]!.GetValue<string>()));
        var failed = runs[0]!;
        Assert.Equal("FAILED", failed["decision"]!.GetValue<string>());
        Assert.Equal("1 error rule failed: range tenure_months", failed["reason"]!.GetValue<string>());
        Assert.False(failed["validation"]!["passed"]!.GetValue<bool>());
        Assert.Equal(0.8468, runs[1]!["metrics"]!["auc"]!.GetValue<double>());
    }

    [Fact]
    public async Task Runs_show_prints_the_decision_reason_thresholds_and_failed_rules_of_one_run()
    {
        var (exit, output, error) = await CliProcess.RunAsync("runs", "show", "20261123T1100", "--runs-dir", _runs.Directory);

        Assert.True(exit == 0, error);
        Assert.Contains("decision FAILED", output);
        Assert.Contains("reason: 1 error rule failed: range tenure_months", output);
        Assert.Contains("range:tenure_months tenure_months: observed max 500, threshold 0..72", output);
        Assert.Contains("threshold auc", output);
    }

    [Fact]
    public async Task Runs_show_of_an_unknown_run_fails_and_says_so()
    {
        var (exit, _, error) = await CliProcess.RunAsync("runs", "show", "nope", "--runs-dir", _runs.Directory);

        Assert.Equal(1, exit);
        Assert.Contains("No recorded run nope", error);
    }

    public void Dispose() => _runs.Dispose();
}
