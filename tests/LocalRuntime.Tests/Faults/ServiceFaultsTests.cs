using System.Text.Json.Nodes;
using TrainingOrchestration.Asl;
using TrainingOrchestration.LocalRuntime.Faults;

namespace TrainingOrchestration.LocalRuntime.Tests.Faults;

/// <summary>Injected service errors reach the workflow under AWS's names, so a Retry written for AWS is tested locally.</summary>
public sealed class ServiceFaultsTests
{
    private const string Definition = """
        {"StartAt":"BuildFeatures","States":{"BuildFeatures":{"Type":"Task","Resource":"arn:aws:states:::glue:startJobRun.sync",
          "Parameters":{"JobName":"churn-features"},
          "Retry":[{"ErrorEquals":["RETRIED"],"IntervalSeconds":2,"BackoffRate":2,"MaxAttempts":3}],"End":true}}}
        """;

    [Fact]
    public async Task A_Glue_throttle_is_raised_as_AWSGlueException_with_the_code_in_the_cause_and_the_Retry_naming_it_succeeds()
    {
        var (engine, faults) = EngineWithGlue();
        faults.Inject(new ServiceFault("glue:startJobRun", "ThrottlingException", Times: 2));

        var done = await RunAsync(engine, Definition.Replace("RETRIED", "Glue.AWSGlueException", StringComparison.Ordinal));

        Assert.Equal(ExecutionStatus.Succeeded, done.Status);
        var failures = engine.GetExecutionHistory(done.ExecutionArn).Where(e => e.Type == "TaskFailed").ToList();
        Assert.Equal(2, failures.Count);
        Assert.All(failures, f => Assert.Equal("Glue.AWSGlueException", f.Details!["error"]!.GetValue<string>()));
        Assert.All(failures, f => Assert.Contains("Service: AWSGlue; Status Code: 400; Error Code: ThrottlingException", f.Details!["cause"]!.GetValue<string>(), StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_Retry_naming_an_error_Glue_never_raises_lets_the_throttle_fail_the_execution()
    {
        var (engine, faults) = EngineWithGlue();
        faults.Inject(new ServiceFault("glue:startJobRun", "ThrottlingException"));

        var done = await RunAsync(engine, Definition.Replace("RETRIED", "Glue.ThrottlingException", StringComparison.Ordinal));

        Assert.Equal(ExecutionStatus.Failed, done.Status);
        Assert.Equal("Glue.AWSGlueException", done.Error);
    }

    [Fact]
    public void A_fault_is_pending_only_for_its_integration_and_only_for_its_count()
    {
        var faults = new ServiceFaults();
        faults.Inject(new ServiceFault("sagemaker:createTrainingJob", "ResourceLimitExceeded"));

        Assert.False(faults.CanHandle("arn:aws:states:::sagemaker:createTransformJob.sync"));
        Assert.True(faults.CanHandle("arn:aws:states:::sagemaker:createTrainingJob"));
        var error = Assert.Throws<TaskFailedException>(() => faults.InvokeAsync(TaskRequests.For("arn:aws:states:::sagemaker:createTrainingJob", "{}"), default).GetAwaiter().GetResult());
        Assert.Equal("SageMaker.ResourceLimitExceededException", error.Error);
        Assert.False(faults.CanHandle("arn:aws:states:::sagemaker:createTrainingJob"));
    }

    [Theory]
    [InlineData("arn:aws:states:::glue:startJobRun.sync", "glue:startJobRun")]
    [InlineData("arn:aws:states:::dynamodb:putItem", "dynamodb:putItem")]
    [InlineData("arn:aws:states:::aws-sdk:dynamodb:putItem.waitForTaskToken", "aws-sdk:dynamodb:putItem")]
    [InlineData("arn:aws:states:::aws-sdk:s3:copyObject", "aws-sdk:s3:copyObject")]
    [InlineData("arn:aws:lambda:us-east-1:123456789012:function:churn-validate", "lambda:invoke")]
    public void A_Task_resource_maps_to_the_integration_a_fault_names(string resource, string integration) =>
        Assert.Equal(integration, ServiceFault.IntegrationOf(resource));

    private static (StepFunctionsEngine Engine, ServiceFaults Faults) EngineWithGlue()
    {
        var engine = new StepFunctionsEngine(new VirtualClock(new DateTimeOffset(2026, 11, 23, 13, 0, 0, TimeSpan.Zero)));
        var faults = new ServiceFaults();
        engine.Dispatcher.Add(new SucceedingGlue()).Add(faults);
        return (engine, faults);
    }

    private static async Task<ExecutionDescription> RunAsync(StepFunctionsEngine engine, string definition)
    {
        var arn = engine.StartExecution(engine.CreateStateMachine("features", definition), null, "{}").ExecutionArn;
        return await engine.WaitForCompletionAsync(arn, new CancellationTokenSource(TimeSpan.FromSeconds(20)).Token);
    }

    private sealed class SucceedingGlue : IServiceIntegration
    {
        public bool CanHandle(string resource) => resource.Contains(":glue:", StringComparison.Ordinal);

        public Task<JsonNode?> InvokeAsync(TaskRequest request, CancellationToken cancellationToken) =>
            Task.FromResult<JsonNode?>(new JsonObject { ["Id"] = "jr_1", ["JobRunState"] = "SUCCEEDED" });
    }
}
