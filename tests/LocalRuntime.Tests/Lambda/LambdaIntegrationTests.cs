using TrainingOrchestration.Asl;
using TrainingOrchestration.LocalRuntime.Lambda;

namespace TrainingOrchestration.LocalRuntime.Tests.Lambda;

public class LambdaIntegrationTests
{
    private const string Handler = "TrainingOrchestration.LocalRuntime.Tests::TrainingOrchestration.LocalRuntime.Tests.Lambda.EchoFunction::Handle";

    private static LambdaIntegration Integration(out LocalLambdaService service)
    {
        service = new LocalLambdaService(new Dictionary<string, string> { ["OBJECT_STORE_ROOT"] = "/tmp/s3" });
        service.Register(new LambdaFunction("echo", "arn:aws:lambda:us-east-1:123456789012:function:echo", Handler, new Dictionary<string, string> { ["TABLE_NAME"] = "runs" }));
        return new LambdaIntegration(service);
    }

    [Fact]
    public async Task Handler_runs_in_process_with_its_environment_and_answers_like_the_optimized_integration()
    {
        var integration = Integration(out _);

        var result = await integration.InvokeAsync(TaskRequests.For("arn:aws:states:::lambda:invoke",
            """{"FunctionName":"arn:aws:lambda:us-east-1:123456789012:function:echo:$LATEST","Payload":{"x":1}}"""), default);

        Assert.Equal(200, result!["StatusCode"]!.GetValue<int>());
        Assert.Equal("$LATEST", result["ExecutedVersion"]!.GetValue<string>());
        Assert.Equal(1, result["Payload"]!["echo"]!["x"]!.GetValue<int>());
        Assert.Equal("runs", result["Payload"]!["table"]!.GetValue<string>());
        Assert.Equal("/tmp/s3", result["Payload"]!["root"]!.GetValue<string>());
    }

    [Fact]
    public async Task Unhandled_exception_fails_the_task_with_the_error_type_and_the_runtime_error_payload()
    {
        var integration = Integration(out var service);

        var error = await Assert.ThrowsAsync<TaskFailedException>(() =>
            integration.InvokeAsync(TaskRequests.For("arn:aws:states:::lambda:invoke", """{"FunctionName":"echo","Payload":{"fail":true}}"""), default));

        Assert.Equal("InvalidOperationException", error.Error);
        Assert.Contains("\"errorMessage\":\"asked to fail\"", error.Cause);
        Assert.Equal("InvalidOperationException", Assert.Single(service.Invocations).FunctionError);
    }

    [Fact]
    public async Task Unknown_function_fails_like_lambda()
    {
        var integration = Integration(out _);

        var error = await Assert.ThrowsAsync<TaskFailedException>(() =>
            integration.InvokeAsync(TaskRequests.For("arn:aws:states:::lambda:invoke", """{"FunctionName":"nope","Payload":{}}"""), default));

        Assert.Equal("Lambda.ResourceNotFoundException", error.Error);
    }
}
