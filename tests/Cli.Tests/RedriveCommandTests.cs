using System.Text.Json.Nodes;

namespace TrainingOrchestration.Cli.Tests;

/// <summary>
/// <c>runs redrive</c> and <c>runs rerun</c> do offline what the console does: a run failed at a Task (here the batch
/// transform, made to fail by a MockConfigFile as Step Functions Local would) is redriven in its workspace and resumes
/// there, or rerun as a new execution with a fresh run id.
/// </summary>
public sealed class RedriveCommandTests
{
    private const string FailingTransform = """
        {"StateMachines":{"churn-training":{"TestCases":{"TransformDown":{"ScoreTestSplit":"Refused"}}}},
         "MockedResponses":{"Refused":{"0":{"Throw":{"Error":"SageMaker.ResourceNotFoundException","Cause":"Could not find model (Service: SageMaker, Status Code: 400, Error Code: ValidationException)"}}}}}
        """;

    [Fact]
    public async Task A_run_failed_at_the_transform_is_redriven_from_the_cli_and_then_another_is_rerun()
    {
        var root = Directory.CreateTempSubdirectory("cli-redrive-").FullName;
        var mocks = Path.Combine(root, "mocks.json");
        File.WriteAllText(mocks, FailingTransform);
        try
        {
            var workspace = Path.Combine(root, "ws");
            var (exit, output, error) = await CliProcess.RunAsync("run", "churn", "--workspace", workspace, "--mock-config", mocks, "--test-case", "TransformDown", "--json");
            var failed = JsonNode.Parse(output.TrimEnd().Split('\n')[^1])!;
            Assert.NotEqual(0, exit);
            Assert.Equal("FAILED", failed["status"]!.GetValue<string>());
            Assert.Equal("ScoreTestSplit", failed["failedState"]!.GetValue<string>());
            var runId = failed["runId"]!.GetValue<string>();

            (exit, output, error) = await CliProcess.RunAsync("runs", "redrive", "churn", runId, "--workspace", workspace, "--json");
            Assert.True(exit == 0, output + error);
            var redriven = JsonNode.Parse(output.TrimEnd().Split('\n')[^1])!;
            Assert.Equal(runId, redriven["runId"]!.GetValue<string>());
            Assert.Equal("SUCCEEDED", redriven["status"]!.GetValue<string>());
            Assert.Equal("PROMOTED", redriven["decision"]!.GetValue<string>());
            Assert.Equal(1, redriven["redriveCount"]!.GetValue<int>());
            // The run succeeded: it names no failure of its own, only what the redrive recovered it from.
            Assert.Null(redriven["failedState"]);
            Assert.Null(redriven["error"]);
            Assert.Equal("ScoreTestSplit", redriven["recoveredFrom"]!["failedState"]!.GetValue<string>());
            Assert.Equal(failed["error"]!.GetValue<string>(), redriven["recoveredFrom"]!["error"]!.GetValue<string>());
            // The path shows ScoreTestSplit failing, then the redrive entering it again and going on; BuildFeatures ran once.
            var path = redriven["path"]!.AsArray().Select(p => p!["name"]!.GetValue<string>()).ToList();
            Assert.Equal(1, path.Count(p => p == "BuildFeatures"));
            Assert.Equal("Done", path[^1]);

            var second = Path.Combine(root, "ws2");
            (exit, output, _) = await CliProcess.RunAsync("run", "churn", "--workspace", second, "--mock-config", mocks, "--test-case", "TransformDown", "--json");
            var failedAgain = JsonNode.Parse(output.TrimEnd().Split('\n')[^1])!["runId"]!.GetValue<string>();
            (exit, output, error) = await CliProcess.RunAsync("runs", "rerun", "churn", failedAgain, "--workspace", second, "--json");
            Assert.True(exit == 0, output + error);
            var rerun = JsonNode.Parse(output.TrimEnd().Split('\n')[^1])!;
            Assert.NotEqual(failedAgain, rerun["runId"]!.GetValue<string>());
            Assert.Equal(failedAgain, rerun["rerunOf"]!.GetValue<string>());
            Assert.Equal("PROMOTED", rerun["decision"]!.GetValue<string>());
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }
}
