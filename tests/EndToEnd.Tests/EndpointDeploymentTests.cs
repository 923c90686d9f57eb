using System.Text.Json.Nodes;
using TrainingOrchestration.LocalRuntime.Runs;
using TrainingOrchestration.LocalRuntime.Serving;

namespace TrainingOrchestration.EndToEnd.Tests;

/// <summary>
/// Deployment on promotion, offline (WORKFLOW.md step 12b): the first promotion creates the endpoint on the new model's
/// configuration, the second one replaces it blue/green in the canary's steps, and an alarm during the shift rolls the
/// endpoint back while the run stays PROMOTED with the deployment recorded ROLLED_BACK, named as a side effect and notified.
/// </summary>
[Collection(ChurnStackCollection.Name)]
public sealed class EndpointDeploymentTests(ChurnStackFixture churn, DeployingChurnFixture stack) : IClassFixture<DeployingChurnFixture>
{
    private const string FirstRun = "20261123T1300-ddddd1";
    private const string SecondRun = "20261123T1400-ddddd2";

    [Fact]
    public async Task A_first_promotion_creates_the_endpoint_and_a_second_replaces_it_blue_green_in_canary_steps()
    {
        await using var cloud = await StartAsync();
        var session = new PipelineSession(cloud, stack.Spec);

        session.StageRawData(stack.WeakData());
        var first = await Run(session, FirstRun);
        Assert.Equal("PROMOTED", first["decision"].Text());
        Assert.Equal("DEPLOYED", first["deployment"]!["status"].Text());
        Assert.Equal(first["trainingJobName"].Text(), first["deployment"]!["endpointConfig"].Text());
        Assert.Equal(DeployingChurnFixture.Endpoint, first["deployment"]!["endpoint"].Text());

        session.StageRawData(stack.TrueData());
        var second = await Run(session, SecondRun);
        Assert.Equal("PROMOTED", second["decision"].Text());
        Assert.Equal("DEPLOYED", second["deployment"]!["status"].Text());
        Assert.Empty(second["sideEffects"]!.AsObject());

        var endpoint = cloud.SageMaker.Endpoints.Inspect(DeployingChurnFixture.Endpoint)!;
        Assert.Equal("InService", endpoint["EndpointStatus"].Text());
        Assert.Equal(second["trainingJobName"].Text(), endpoint["EndpointConfigName"].Text());
        Assert.Null(endpoint["FailureReason"]);
        Assert.Equal("CANARY", endpoint["LastDeploymentConfig"]!["BlueGreenUpdatePolicy"]!["TrafficRoutingConfiguration"]!["Type"].Text());
        var shifts = endpoint["shifts"]!.AsArray().Where(s => s!["EndpointConfigName"].Text() == second["trainingJobName"].Text()).ToList();
        Assert.Equal([50, 100], shifts.Select(s => s!["percent"]!.GetValue<int>()));
        Assert.Equal(TimeSpan.FromMinutes(5), DateTimeOffset.Parse(shifts[1]!["time"].Text()) - DateTimeOffset.Parse(shifts[0]!["time"].Text()));
    }

    [Fact]
    public async Task An_alarm_during_the_canary_rolls_the_endpoint_back_and_the_run_stays_promoted_with_the_deployment_rolled_back()
    {
        await using var cloud = await StartAsync();
        var session = new PipelineSession(cloud, stack.Spec);
        session.StageRawData(stack.WeakData());
        var first = await Run(session, FirstRun);

        cloud.SageMaker.Endpoints.Deployments.Traffic.FailNewFleet(DeployingChurnFixture.Endpoint);
        session.StageRawData(stack.TrueData());
        var second = await Run(session, SecondRun);

        Assert.Equal("SUCCEEDED", second["status"].Text());
        Assert.Equal("PROMOTED", second["decision"].Text());
        Assert.Equal(SecondRun, (await session.ReadItemAsync("CHAMPION"))!["runId"].Text());
        var deployment = second["deployment"]!;
        Assert.Equal("ROLLED_BACK", deployment["status"].Text());
        Assert.Contains("churn-endpoint-5xx-errors", deployment["reason"].Text());
        Assert.Contains(first["trainingJobName"].Text(), deployment["reason"].Text());
        var sideEffect = Assert.Single(second["sideEffects"]!.AsObject());
        Assert.Equal(("DeployModel", "EndpointDeploymentNotCompleted"), (sideEffect.Key, sideEffect.Value!["Error"].Text()));
        var endpoint = cloud.SageMaker.Endpoints.Inspect(DeployingChurnFixture.Endpoint)!;
        Assert.Equal(("InService", first["trainingJobName"].Text()), (endpoint["EndpointStatus"].Text(), endpoint["EndpointConfigName"].Text()));
        Assert.Contains("ALARM", endpoint["FailureReason"].Text());
        Assert.Equal("rollback", endpoint["shifts"]!.AsArray()[^1]!["kind"].Text());
        var (served, artifact) = LocalModelServer.Endpoint(cloud.Options.Workspace, DeployingChurnFixture.Endpoint);
        Assert.Equal(first["trainingJobName"].Text(), served);
        Assert.True(File.Exists(artifact), artifact);
        var notice = Assert.Single(cloud.Sns.Messages, m => m.Subject?.Contains("deployment not completed", StringComparison.Ordinal) == true);
        Assert.Contains("models churn rollback", JsonNode.Parse(notice.Message)!["action"].Text());
        Assert.Null((await session.ReadItemAsync("LOCK"))?["holder"]);
    }

    private Task<LocalCloud> StartAsync() => LocalCloud.StartAsync(new LocalCloudOptions
    {
        TemplatePaths = [stack.TemplatePath],
        Workspace = Directory.CreateTempSubdirectory("deploying-ws-").FullName,
        PipelinesRoot = Path.GetDirectoryName(stack.Spec.Directory),
        StartTime = DateTimeOffset.Parse(churn.SampleEvent["time"]!.GetValue<string>()),
    });

    private static async Task<JsonObject> Run(PipelineSession session, string runId)
    {
        var input = new JsonObject { ["pipeline"] = "churn", ["runId"] = runId, ["trigger"] = new JsonObject { ["reason"] = "test", ["pendingChanges"] = 0 } };
        await session.Cloud.Engine.StartExecutionAsync(session.StateMachineArn("training"), $"churn-{runId}", input.ToJsonString());
        await session.WaitForIdleAsync(SessionSteps.Settle);
        return (await session.ReadItemAsync($"RUN#{runId}"))!;
    }
}
