using System.Text.Json.Nodes;

namespace TrainingOrchestration.EndToEnd.Tests;

[Collection(ChurnStackCollection.Name)]
public sealed class HappyPathTests(ChurnStackFixture stack)
{
    [Fact]
    public async Task Sample_cdc_event_flows_through_trigger_training_and_callback_and_promotes_the_first_model()
    {
        await using var cloud = (await stack.StartAsync()).Cloud;
        var session = new PipelineSession(cloud, stack.Spec);

        await session.SendCdcEventAsync(stack.SampleEvent);

        var run = await session.SingleRunAsync();
        Assert.Equal("SUCCEEDED", run["status"].Text());
        Assert.Equal("PROMOTED", run["decision"].Text());
        Assert.True(run["metrics"]!["auc"]!.GetValue<double>() >= 0.80, $"test AUC {run["metrics"]!["auc"]} is below 0.80");
        var champion = await session.ReadItemAsync("CHAMPION");
        Assert.Equal(run["runId"].Text(), champion!["runId"].Text());
        Assert.True(File.Exists(cloud.Buckets.PathFor(session.BucketName, $"models/approved/churn/{run["runId"].Text()}/model.tar.gz")));
        var approved = $"s3://{session.BucketName}/models/approved/churn/{run["runId"].Text()}/model.tar.gz";
        Assert.Equal(approved, champion["artifact"].Text());
        Assert.Equal(approved, run["artifact"].Text());
        Assert.Empty(run["sideEffects"]!.AsObject());
        var model = (await session.ReadItemAsync($"MODEL#{run["runId"].Text()}"))!;
        Assert.Equal("CHAMPION", model["status"].Text());
        var accepted = (await session.ReadItemAsync("PROFILE#ACCEPTED"))!;
        Assert.Equal(run["runId"].Text(), accepted["runId"].Text());
        // Each Lambda's items in its own partition (WORKFLOW.md "DynamoDB single table"); the workflow's copy in the pipeline's.
        Assert.Equal("PIPELINE#churn#MODEL", model["pk"].Text());
        Assert.Equal("PIPELINE#churn#VALIDATION", (await session.ReadItemAsync($"VALIDATION#{run["runId"].Text()}"))!["pk"].Text());
        Assert.Equal("PIPELINE#churn#VALIDATION", (await session.ReadItemAsync($"PROFILE#{run["runId"].Text()}"))!["pk"].Text());
        Assert.Equal("PIPELINE#churn", accepted["pk"].Text());
        var package = Assert.Single(cloud.SageMaker.ModelPackages.List("TrainingOrchestration-churn"));
        Assert.Equal("Approved", package["ModelApprovalStatus"].Text());
        Assert.Equal(package["ModelPackageArn"].Text(), run["modelPackageArn"].Text());
        Assert.EndsWith("model-package/trainingorchestration-churn/1", run["modelPackageArn"].Text());
        Assert.True(File.Exists(cloud.Buckets.PathFor(session.BucketName, $"reports/churn/run={run["runId"].Text()}/model-metrics.json")));
        var promoted = Assert.Single(cloud.Bus.Events, e => e.DetailType == "Model Promoted");
        Assert.Equal(approved, promoted.Event["detail"]!["artifact"].Text());
        Assert.Equal(run["modelPackageArn"].Text(), promoted.Event["detail"]!["modelPackageArn"].Text());
        Assert.Contains(cloud.Bus.Events, e => e.DetailType == "SageMaker Training Job State Change" && e.Deliveries.Any(d => d.Result is not null));
        Assert.NotEmpty(cloud.Sns.Messages);
        var decision = Assert.Single(await session.ReadItemsAsync(), i => i["sk"].Text().StartsWith("DECISION#", StringComparison.Ordinal));
        Assert.Equal("START", decision["decision"].Text());
        Assert.All(session.Executions(), e => Assert.Equal(Asl.ExecutionStatus.Succeeded, e.Execution.Status));
    }
}
