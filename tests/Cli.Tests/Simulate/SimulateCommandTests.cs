using System.Text.Json.Nodes;

namespace TrainingOrchestration.Cli.Tests.Simulate;

/// <summary>
/// One simulated day of each bundled pipeline through the CLI, as the weekly review would use it: simulate, then
/// dashboard and alarms on the same workspace. A day is enough for the incidents: churn's bootstrap run, a run that
/// reads the violating rows, and (after the repair) a run whose training job cannot start.
/// </summary>
public sealed class SimulateCommandTests
{
    [Fact]
    public async Task A_simulated_day_of_churn_shows_the_violation_the_failed_training_job_and_the_pages_on_the_dashboard_and_alarms()
    {
        var folder = Directory.CreateTempSubdirectory("cli-simulate-").FullName;
        var workspace = Path.Combine(folder, "churn");
        try
        {
            var (exit, output, error) = await CliProcess.RunAsync("simulate", "churn", "--days", "1", "--seed", "1", "--workspace", workspace, "--json");

            Assert.True(exit == 0, output + error);
            var summary = JsonNode.Parse(output.TrimEnd().Split('\n')[^1])!;
            Assert.Contains("Skips by reason:", output);
            Assert.True(summary["outcomes"]!["PROMOTED"]!.GetValue<int>() >= 1, output);
            Assert.True(summary["skips"]!["quiet-hours"]!.GetValue<double>() > 0, output);
            Assert.True(summary["skips"]!["min-interval"]!.GetValue<double>() + summary["skips"]!["below-min-changes"]!.GetValue<double>() > 0, output);

            var record = JsonNode.Parse(File.ReadAllText(Path.Combine(workspace, "record.json")))!;
            var violatedRun = summary["incidents"]!["violation"]!["runId"]!.GetValue<string>();
            var validation = record["validations"]!.AsArray().Single(v => v!["sk"]!.GetValue<string>() == "VALIDATION#" + violatedRun)!;
            var outcome = validation["outcome"] is JsonValue text ? JsonNode.Parse(text.GetValue<string>())! : validation["outcome"]!;
            Assert.False(outcome["passed"]!.GetValue<bool>());
            Assert.Contains(outcome["rules"]!.AsArray(), r => r!["rule"]!.GetValue<string>() == "range:monthly_charges" && !r["passed"]!.GetValue<bool>());

            var failedRun = summary["incidents"]!["trainingFailure"]!["runId"]!.GetValue<string>();
            var run = record["runs"]!.AsArray().Single(r => r!["runId"]!.GetValue<string>() == failedRun)!;
            Assert.Equal("FAILED", run["status"]!.GetValue<string>());
            Assert.Equal("StartTrainingJob", run["failedState"]!.GetValue<string>());
            Assert.Null(run["cost"]); // it never reached the evaluation
            Assert.Contains(record["runs"]!.AsArray(), r => r!["decision"]?.GetValue<string>() == "PROMOTED" && r["cost"]?["totalUsd"]?.GetValue<double>() > 0);

            var paging = summary["deliveries"]!["paging"]!.AsObject();
            Assert.True(paging.Sum(p => p.Value!.GetValue<int>()) > 0, "a critical pipeline's failures page its subscribers");
            Assert.True(summary["deliveries"]!["notifications"]!["email"]!.GetValue<int>() > 0);
            var deliveries = File.ReadAllLines(Path.Combine(workspace, "sns", "deliveries.jsonl")).Select(l => JsonNode.Parse(l)!).ToList();
            Assert.Contains(deliveries, d => d["endpoint"]!.GetValue<string>() == "ml-oncall@example.com"
                && d["subject"]?.GetValue<string>() == "TrainingOrchestration churn: training run started");
            Assert.DoesNotContain(deliveries, d => d["topicArn"]!.GetValue<string>().EndsWith(":churn-paging", StringComparison.Ordinal)
                && d["subject"]?.GetValue<string>() == "TrainingOrchestration churn: training run started");
            Assert.All(deliveries.Where(d => d["topicArn"]!.GetValue<string>().EndsWith(":churn-paging", StringComparison.Ordinal)),
                d => Assert.Equal("ml-oncall-pager@example.com", d["endpoint"]!.GetValue<string>()));

            var (alarmsExit, alarmsOutput, _) = await CliProcess.RunAsync("alarms", "churn", "--workspace", workspace, "--json");
            Assert.Equal(0, alarmsExit);
            var validationAlarm = JsonNode.Parse(alarmsOutput)!.AsArray().Single(a => a!["name"]!.GetValue<string>() == "churn-ValidationFailed")!;
            Assert.Contains(validationAlarm["transitions"]!.AsArray(), t => t!["to"]!.GetValue<string>() == "ALARM");

            var dashboard = Path.Combine(folder, "dashboard");
            var (dashboardExit, dashboardOutput, dashboardError) = await CliProcess.RunAsync("dashboard", "churn", "--workspace", workspace, "--out", dashboard);
            Assert.True(dashboardExit == 0, dashboardOutput + dashboardError);
            Assert.True(File.Exists(Path.Combine(dashboard, "index.html")));
            var widgets = JsonNode.Parse(File.ReadAllText(Path.Combine(dashboard, "widgets.json")))!.AsArray();
            Assert.Contains(widgets, w => w!["metrics"]!.AsArray().Any(m =>
                m!["name"]!.GetValue<string>() == "ValidationFailures" && m["dimensions"]!["Rule"]?.GetValue<string>() == "range:monthly_charges"
                && m["datapoints"]!.AsArray().Count > 0));
            Assert.Contains(widgets, w => w!["metrics"]!.AsArray().Any(m =>
                m!["name"]!.GetValue<string>() == "ExecutionsFailed" && m["datapoints"]!.AsArray().Any(d => d!["value"]!.GetValue<double>() > 0)));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public async Task A_simulated_day_of_an_exploratory_pipeline_pages_nobody()
    {
        var workspace = Path.Combine(Directory.CreateTempSubdirectory("cli-simulate-").FullName, "mlc-churn");
        try
        {
            var (exit, output, error) = await CliProcess.RunAsync("simulate", "mlc-churn", "--days", "1", "--workspace", workspace, "--json");

            Assert.True(exit == 0, output + error);
            var summary = JsonNode.Parse(output.TrimEnd().Split('\n')[^1])!;
            Assert.Equal("FAILED", summary["incidents"]!["violation"]!["status"]!.GetValue<string>());
            Assert.Empty(summary["deliveries"]!["paging"]!.AsObject());
            Assert.True(summary["deliveries"]!["notifications"]!["email"]!.GetValue<int>() > 0);
        }
        finally
        {
            Directory.Delete(Path.GetDirectoryName(workspace)!, recursive: true);
        }
    }

    [Fact]
    public async Task Simulate_refuses_a_workspace_that_already_holds_an_account()
    {
        var workspace = Directory.CreateTempSubdirectory("cli-simulate-").FullName;
        File.WriteAllText(Path.Combine(workspace, "record.json"), "{}");
        try
        {
            var (exit, output, _) = await CliProcess.RunAsync("simulate", "churn", "--days", "1", "--workspace", workspace);

            Assert.Equal(1, exit);
            Assert.Contains("is not empty", output);
        }
        finally
        {
            Directory.Delete(workspace, recursive: true);
        }
    }
}
