using System.Text.Json.Nodes;
using TrainingOrchestration.Infra;
using TrainingOrchestration.LocalRuntime.Runs;
using TrainingOrchestration.Pipelines;
using TrainingOrchestration.TestSupport;

namespace TrainingOrchestration.EndToEnd.Tests;

/// <summary>
/// The model registry's life cycle on the churn pipeline with its AUC bar lowered to 0.60 (a copy of the folder): a weak
/// first model is promoted, a clearly better second one replaces it (first RETIRED), and a rollback restores the
/// first with its statuses, package approvals, a recorded ROLLBACK item and a Model Rolled Back event.
/// </summary>
[Collection(ChurnStackCollection.Name)]
public sealed class ModelLifecycleTests(ChurnStackFixture stack)
{
    private const string WeakRun = "20261123T1300-aaaaa1";
    private const string StrongRun = "20261123T1400-bbbbb2";

    [Fact]
    public async Task Two_runs_promote_and_a_rollback_restores_the_first_with_statuses_and_events()
    {
        using var folder = new TempDirectory();
        var (spec, template) = RelaxedChurn(folder.Path);
        var workspace = Directory.CreateDirectory(Path.Combine(folder.Path, "workspace")).FullName;
        var cloud = await LocalCloud.StartAsync(new LocalCloudOptions
        {
            TemplatePaths = [template], Workspace = workspace, PipelinesRoot = Path.GetDirectoryName(spec.Directory),
            StartTime = DateTimeOffset.Parse(stack.SampleEvent["time"]!.GetValue<string>()),
        });
        await using (cloud)
        {
            var session = new PipelineSession(cloud, spec);
            session.StageRawData(SessionSteps.ShuffleHalfTheLabels(spec.SampleDataFile!, Path.Combine(folder.Path, "weak", "customers-weak.csv")));
            await Run(session, WeakRun);
            session.StageRawData(Path.Combine(folder.Path, "true", "customers.csv"));
            await Run(session, StrongRun);

            var strong = (await session.ReadItemAsync($"RUN#{StrongRun}"))!;
            Assert.Equal("PROMOTED", (await session.ReadItemAsync($"RUN#{WeakRun}"))!["decision"].Text());
            Assert.Equal("PROMOTED", strong["decision"].Text());
            Assert.Equal(WeakRun, strong["champion"]!["runId"].Text());
            Assert.True(strong["champion"]!["interval"]!["lower"]!.GetValue<double>() >= 0.002);
            Assert.Equal("RETIRED", (await session.ReadItemAsync($"MODEL#{WeakRun}"))!["status"].Text());
            Assert.Equal("CHAMPION", (await session.ReadItemAsync($"MODEL#{StrongRun}"))!["status"].Text());
            RunRecord.Write(workspace, RunRecord.Build(spec.Name, workspace, await session.ReadItemsAsync(), [], cloud.Bus.Events, [], TimeSpan.Zero));
        }

        var result = await LocalModelRollback.RunAsync(new LocalModelRollbackRequest
        {
            Pipeline = spec, TemplatePath = template, Workspace = workspace, Version = WeakRun, Reason = "bad predictions in production",
            PipelinesRoot = Path.GetDirectoryName(spec.Directory),
        });

        Assert.Equal(StrongRun, result["from"].Text());
        var record = RunRecord.Read(workspace)!;
        Assert.Equal(WeakRun, record["champion"]!["runId"].Text());
        Assert.Equal(StrongRun, record["champion"]!["rolledBackFrom"].Text());
        Assert.EndsWith($"models/approved/churn/{WeakRun}/model.tar.gz", record["champion"]!["artifact"].Text());
        var versions = ModelVersions.List(workspace, "churn").ToDictionary(v => v["version"].Text());
        Assert.Equal(("CHAMPION", "Approved"), (versions[WeakRun]["status"].Text(), versions[WeakRun]["approvalStatus"].Text()));
        Assert.Equal(("RETIRED", "Rejected"), (versions[StrongRun]["status"].Text(), versions[StrongRun]["approvalStatus"].Text()));
        var rollback = Assert.Single((record["items"] as JsonArray)!.OfType<JsonObject>(), i => i["sk"].Text().StartsWith("ROLLBACK#", StringComparison.Ordinal));
        Assert.Equal((StrongRun, WeakRun), (rollback["from"].Text(), rollback["to"].Text()));
        Assert.Equal(WeakRun, (record["items"] as JsonArray)!.OfType<JsonObject>().Single(i => i["sk"].Text() == "PROFILE#ACCEPTED")["runId"].Text());
        var events = (record["events"] as JsonArray)!.Select(e => e!["detailType"].Text()).ToList();
        Assert.Equal(2, events.Count(e => e == "Model Promoted"));
        Assert.Single(events, e => e == "Model Rolled Back");
    }

    private static async Task Run(PipelineSession session, string runId)
    {
        var input = new JsonObject { ["pipeline"] = "churn", ["runId"] = runId, ["trigger"] = new JsonObject { ["reason"] = "test", ["pendingChanges"] = 0 } };
        await session.Cloud.Engine.StartExecutionAsync(session.StateMachineArn("training"), $"churn-{runId}", input.ToJsonString());
        await session.WaitForIdleAsync(SessionSteps.Settle);
    }

    /// <summary>A copy of pipelines/churn whose only threshold is AUC ≥ 0.60, synthesized on its own.</summary>
    private (Pipelines.Spec.PipelineSpec, string) RelaxedChurn(string root)
    {
        var pipelines = Path.Combine(root, "pipelines");
        var churn = Repository.CopyPipeline("churn", pipelines);
        var spec = File.ReadAllText(Path.Combine(churn, "pipeline.yaml"))
            .Replace("auc: { min: 0.80 }", "auc: { min: 0.60 }", StringComparison.Ordinal)
            .Replace("    accuracy: { min: 0.75 }\n", "", StringComparison.Ordinal)
            .Replace("    log_loss: { max: 0.55 }\n", "", StringComparison.Ordinal);
        File.WriteAllText(Path.Combine(churn, "pipeline.yaml"), spec);
        Directory.CreateDirectory(Path.Combine(root, "true"));
        File.Copy(Path.Combine(churn, "sample", "customers.csv"), Path.Combine(root, "true", "customers.csv"));
        var asset = Directory.CreateDirectory(Path.Combine(root, "tasks-asset")).FullName;
        File.WriteAllText(Path.Combine(asset, "README.txt"), "handlers run in process locally");
        var assembly = InfraApp.Build(new InfraAppOptions
        {
            PipelinesRoot = pipelines, OutDir = Path.Combine(root, "cdk.out"), TasksAssetDirectory = asset, RepositoryRoot = ToolLocator.RepositoryRoot(),
        }).Synth();
        var synthesized = assembly.Stacks.Single(s => s.StackName == "TrainingOrchestration-churn");
        return (PipelineSpecLoader.Load(churn), Path.Combine(assembly.Directory, synthesized.TemplateFile));
    }
}
