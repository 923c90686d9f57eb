using System.Text.Json.Nodes;
using TrainingOrchestration.Asl;
using TrainingOrchestration.LocalRuntime.SageMaker;

namespace TrainingOrchestration.LocalRuntime.Tests.SageMaker;

public sealed class SageMakerServiceIntegrationTests
{
    [Fact]
    public async Task createTrainingJob_answers_with_the_job_arn_and_the_job_runs_in_the_background()
    {
        using var fx = new SageMakerFixture();
        var integration = new SageMakerServiceIntegration(fx.Service);

        var result = await integration.InvokeAsync(Request(fx, "arn:aws:states:::sagemaker:createTrainingJob", new TrainingRequestBuilder().Build()), default);

        Assert.StartsWith("arn:aws:sagemaker:us-east-1:123456789012:training-job/", (string?)result!["TrainingJobArn"]);
        await fx.Service.DescribeTrainingJob("churn-20261123T1300-a1b2c3-r0").Finished.WaitAsync(TimeSpan.FromMinutes(2));
        Assert.Single(fx.Events);
    }

    [Fact]
    public async Task An_invalid_request_fails_the_task_with_the_optimized_integrations_error_name()
    {
        using var fx = new SageMakerFixture();
        var integration = new SageMakerServiceIntegration(fx.Service);

        var error = await Assert.ThrowsAsync<TaskFailedException>(() => integration.InvokeAsync(
            Request(fx, "arn:aws:states:::sagemaker:createTrainingJob", new TrainingRequestBuilder().Named("-bad").Build()), default));

        Assert.Equal("SageMaker.AmazonSageMakerException", error.Error);
        Assert.Contains("Error Code: ValidationException", error.Cause);
    }

    [Fact]
    public async Task describeTrainingJob_of_an_unknown_job_fails_with_the_sdk_integrations_error_name()
    {
        using var fx = new SageMakerFixture();
        var integration = new SageMakerServiceIntegration(fx.Service);

        var error = await Assert.ThrowsAsync<TaskFailedException>(() => integration.InvokeAsync(
            Request(fx, "arn:aws:states:::aws-sdk:sagemaker:describeTrainingJob", new JsonObject { ["TrainingJobName"] = "nope" }, sdk: true), default));

        Assert.Equal("SageMaker.SageMakerException", error.Error);
        Assert.StartsWith("Requested resource not found.", error.Cause);
    }

    [Fact]
    public async Task describeTrainingJob_reports_a_completed_job_with_its_artifact_and_final_metrics()
    {
        using var fx = new SageMakerFixture();
        var integration = new SageMakerServiceIntegration(fx.Service);
        await fx.TrainAsync(new TrainingRequestBuilder().Build());

        var result = await integration.InvokeAsync(Request(fx, "arn:aws:states:::aws-sdk:sagemaker:describeTrainingJob",
            new JsonObject { ["TrainingJobName"] = "churn-20261123T1300-a1b2c3-r0" }, sdk: true), default);

        Assert.Equal("Completed", (string?)result!["TrainingJobStatus"]);
        Assert.EndsWith("/output/model.tar.gz", (string?)result["ModelArtifacts"]!["S3ModelArtifacts"]);
        Assert.Contains(result["FinalMetricDataList"]!.AsArray(), m => (string?)m!["MetricName"] == "train:auc");
    }

    [Fact]
    public async Task createTransformJob_sync_returns_a_completed_DescribeTransformJob()
    {
        using var fx = new SageMakerFixture();
        var integration = new SageMakerServiceIntegration(fx.Service);
        var job = await fx.TrainAsync(new TrainingRequestBuilder().Build());
        await integration.InvokeAsync(Request(fx, "arn:aws:states:::sagemaker:createModel", BatchTransformTests.ModelRequest(job)), default);

        var result = await integration.InvokeAsync(Request(fx, "arn:aws:states:::sagemaker:createTransformJob.sync", BatchTransformTests.TransformRequest()), default);

        Assert.Equal("Completed", (string?)result!["TransformJobStatus"]);
        Assert.Equal("$[0,-1]", (string?)result["DataProcessing"]!["OutputFilter"]);
        Assert.IsType<long>(result["TransformEndTime"]!.GetValue<long>());
    }

    [Fact]
    public void The_integration_claims_only_the_sagemaker_resources_it_implements()
    {
        using var fx = new SageMakerFixture();
        var integration = new SageMakerServiceIntegration(fx.Service);

        Assert.True(integration.CanHandle("arn:aws:states:::sagemaker:createTrainingJob"));
        Assert.True(integration.CanHandle("arn:aws:states:::sagemaker:createTransformJob.sync"));
        Assert.True(integration.CanHandle("arn:aws:states:::aws-sdk:sagemaker:describeTrainingJob"));
        Assert.True(integration.CanHandle("arn:aws:states:::sagemaker:createEndpoint"));
        Assert.True(integration.CanHandle("arn:aws:states:::aws-sdk:sagemaker:updateEndpoint"));
        Assert.False(integration.CanHandle("arn:aws:states:::sagemaker:createHyperParameterTuningJob.sync"));
        Assert.False(integration.CanHandle("arn:aws:states:::aws-sdk:sagemaker:deleteEndpoint"));
        Assert.False(integration.CanHandle("arn:aws:states:::glue:startJobRun.sync"));
    }

    private static TaskRequest Request(SageMakerFixture fx, string resource, JsonObject parameters, bool sdk = false)
    {
        var action = resource.Split(':')[^1].Replace(".sync", "", StringComparison.Ordinal);
        var context = new TaskContext("arn:aws:states:us-east-1:123456789012:execution:churn-training:x",
            "arn:aws:states:us-east-1:123456789012:stateMachine:churn-training", "StartTrainingJob", 0, fx.Clock, null!);
        return new TaskRequest(resource, "sagemaker", action,
            resource.EndsWith(".sync", StringComparison.Ordinal) ? IntegrationPattern.Sync : IntegrationPattern.RequestResponse,
            sdk, parameters, null, context);
    }
}
