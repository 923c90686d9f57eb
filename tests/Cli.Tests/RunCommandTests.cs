using System.Text.Json.Nodes;

namespace TrainingOrchestration.Cli.Tests;

public sealed class RunCommandTests
{
    [Fact]
    public async Task Run_of_an_unknown_pipeline_exits_non_zero_and_names_the_known_ones()
    {
        var (exit, output, _) = await CliProcess.RunAsync("run", "no-such-pipeline");

        Assert.Equal(2, exit);
        Assert.Contains("No pipeline 'no-such-pipeline'", output);
        Assert.Contains("churn", output);
    }

    [Fact]
    public async Task Run_churn_replays_the_sample_changes_through_the_stack_and_records_an_outcome_that_runs_lists()
    {
        var runsDirectory = Directory.CreateTempSubdirectory("cli-run-").FullName;
        var workspace = Path.Combine(runsDirectory, "20261123-100000-churn");
        try
        {
            var (exit, output, error) = await CliProcess.RunAsync("run", "churn", "--workspace", workspace, "--json");

            Assert.True(File.Exists(Path.Combine(workspace, "record.json")), output + error);
            var record = JsonNode.Parse(File.ReadAllText(Path.Combine(workspace, "record.json")))!;
            var run = Assert.Single(record["runs"]!.AsArray())!;
            var status = run["status"]!.GetValue<string>();
            Assert.Equal("SUCCEEDED", status);
            Assert.Equal(0, exit);
            Assert.Contains("START", record["triggerDecisions"]!.AsArray().Select(d => d!["decision"]!.GetValue<string>()));
            Assert.Contains("churn-training", output);
            Assert.Contains("IdentifyRun → AcquirePipelineLock → RecordRunStarted → Rerun?", output); // a pipe is not wrapped at 80 columns
            Assert.Contains("ChangeCounterReset → NotifyTrainingStarted → BuildFeatures", output);
            Assert.DoesNotContain("end-of-life", output + error);
            Assert.Equal("1.7.4", record["trainer"]!["version"]!.GetValue<string>());
            var features = record["explanation"]!["features"]!.AsArray();
            Assert.Equal("contract_years", features[0]!["feature"]!.GetValue<string>());
            Assert.True(features[0]!["meanAbsShap"]!.GetValue<double>() > 0);
            Assert.True(Directory.GetFiles(Path.Combine(workspace, "executions"), "churn-*.json").Length > 0, "the workspace keeps its executions for runs redrive");
            var (listed, json, _) = await CliProcess.RunAsync("runs", "--json", "--runs-dir", runsDirectory);
            Assert.Equal(0, listed);
            Assert.Equal(run["runId"]!.GetValue<string>(), JsonNode.Parse(json)!.AsArray().Single()!["runId"]!.GetValue<string>());

            // The last stdout line is the JSON interface: the feature table holds the inserted customer, not the deleted ones.
            var last = JsonNode.Parse(output.TrimEnd().Split('\n')[^1])!;
            Assert.Equal(run["runId"]!.GetValue<string>(), last["runId"]!.GetValue<string>());
            Assert.Equal(Path.GetFullPath(workspace), last["workspace"]!.GetValue<string>());
            // The feature job writes the table as one part per executor core (2 x G.1X: 8), each with the header.
            var parts = Directory.GetFiles(last["featuresTable"]!.GetValue<string>(), "*.csv").Order(StringComparer.Ordinal).Select(File.ReadAllLines).ToList();
            Assert.Equal(8, parts.Count);
            Assert.All(parts, part => Assert.StartsWith("customer_id,churn,", part[0]));
            var table = parts.SelectMany(part => part.Skip(1)).ToList();
            Assert.Contains(table, l => l.StartsWith("C007044,", StringComparison.Ordinal));
            Assert.DoesNotContain(table, l => l.StartsWith("C000003,", StringComparison.Ordinal) || l.StartsWith("C000004,", StringComparison.Ordinal));
            Assert.Equal(7043 + 2 - 2, table.Count);
            var (_, inWorkspace, _) = await CliProcess.RunAsync("runs", "churn", "--workspace", workspace, "--json");
            var listedRun = JsonNode.Parse(inWorkspace)!.AsArray().Single()!;
            Assert.Equal((7045L, 5L, 3L), (listedRun["inserted"]!.GetValue<long>(), listedRun["updated"]!.GetValue<long>(), listedRun["deleted"]!.GetValue<long>()));
            Assert.Equal(last["featuresTable"]!.GetValue<string>(), listedRun["featuresTable"]!.GetValue<string>());

            // The report's path shows the real time of the Glue and training work, which the virtual clock shows as 0.0 s.
            var report = File.ReadAllText(Path.Combine(workspace, "report.md"));
            foreach (var state in new[] { "BuildFeatures", "WaitForTrainingJob" })
            {
                var row = report.Split('\n').Single(l => l.Contains($"| {state} | Task |", StringComparison.Ordinal)).Split('|', StringSplitOptions.TrimEntries);
                Assert.Matches(@"^\d+\.\d s$", row[6]);
                Assert.NotEqual("0.0 s", row[6]);
            }
            Assert.NotNull(run["cost"]); // a run that reached its evaluation carries its cost
        }
        finally
        {
            Directory.Delete(runsDirectory, recursive: true);
        }
    }
}
