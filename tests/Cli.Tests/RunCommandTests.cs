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
    public async Task Run_churn_sends_the_sample_through_the_stack_and_records_an_outcome_that_runs_lists()
    {
        var runsDirectory = Directory.CreateTempSubdirectory("cli-run-").FullName;
        var workspace = Path.Combine(runsDirectory, "20261123-100000-churn");
        try
        {
            var (exit, output, error) = await CliProcess.RunAsync("run", "churn", "--workspace", workspace);

            Assert.True(File.Exists(Path.Combine(workspace, "record.json")), output + error);
            var record = JsonNode.Parse(File.ReadAllText(Path.Combine(workspace, "record.json")))!;
            var run = Assert.Single(record["runs"]!.AsArray())!;
            var status = run["status"]!.GetValue<string>();
            Assert.Equal("SUCCEEDED", status);
            Assert.Equal(0, exit);
            Assert.Contains("START", record["triggerDecisions"]!.AsArray().Select(d => d!["decision"]!.GetValue<string>()));
            Assert.Contains("churn-training", output);
            Assert.Contains("AcquirePipelineLock → RecordRunStarted → BuildFeatures", output); // a pipe is not wrapped at 80 columns
            Assert.DoesNotContain("end-of-life", output + error);
            Assert.Equal("1.7.4", record["trainer"]!["version"]!.GetValue<string>());
            var features = record["explanation"]!["features"]!.AsArray();
            Assert.Equal("contract_years", features[0]!["feature"]!.GetValue<string>());
            Assert.True(features[0]!["meanAbsShap"]!.GetValue<double>() > 0);
            var (listed, json, _) = await CliProcess.RunAsync("runs", "--json", "--runs-dir", runsDirectory);
            Assert.Equal(0, listed);
            Assert.Equal(run["runId"]!.GetValue<string>(), JsonNode.Parse(json)!.AsArray().Single()!["runId"]!.GetValue<string>());
        }
        finally
        {
            Directory.Delete(runsDirectory, recursive: true);
        }
    }
}
