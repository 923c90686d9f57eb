using System.Text.Json.Nodes;
using TrainingOrchestration.Asl;

namespace TrainingOrchestration.LocalRuntime.Lambda;

/// <summary>
/// <c>arn:aws:states:::lambda:invoke</c> (optimized, also <c>.waitForTaskToken</c>) and bare function ARNs, against
/// <see cref="LocalLambdaService"/>. The optimized integration answers <c>{ExecutedVersion, Payload, SdkHttpMetadata,
/// SdkResponseMetadata, StatusCode}</c>; a bare ARN answers the payload itself. A function error fails the task with
/// the error type the runtime reported and the error payload as the cause, as Step Functions does.
/// </summary>
public sealed class LambdaIntegration(LocalLambdaService lambda) : IServiceIntegration
{
    public bool CanHandle(string resource) =>
        resource.Contains(":states:::lambda:invoke", StringComparison.Ordinal) || resource.Contains(":lambda:", StringComparison.Ordinal) && resource.Contains(":function:", StringComparison.Ordinal);

    public async Task<JsonNode?> InvokeAsync(TaskRequest request, CancellationToken cancellationToken)
    {
        var bare = !request.Resource.Contains(":states:::", StringComparison.Ordinal);
        var functionName = bare ? request.Resource : request.Parameters?["FunctionName"]?.GetValue<string>()
            ?? throw new TaskFailedException("Lambda.InvalidParameterValueException", "lambda:invoke needs FunctionName.");
        var function = lambda.Find(functionName)
            ?? throw new TaskFailedException("Lambda.ResourceNotFoundException", $"Function not found: {functionName} (Service: Lambda, Status Code: 404)");
        var payload = bare ? request.Parameters : request.Parameters?["Payload"];

        if (request.Pattern == IntegrationPattern.WaitForTaskToken || request.Parameters?["InvocationType"]?.GetValue<string>() == "Event")
        {
            _ = Task.Run(() => lambda.InvokeAsync(function, payload), CancellationToken.None);
            return bare ? null : new JsonObject { ["Payload"] = "", ["StatusCode"] = 202 };
        }

        var result = await lambda.InvokeAsync(function, payload);
        if (result.FunctionError is not null)
        {
            throw new TaskFailedException(result.FunctionError, result.Payload?.ToJsonString());
        }
        if (bare) return result.Payload;
        return new JsonObject
        {
            ["ExecutedVersion"] = "$LATEST",
            ["Payload"] = result.Payload?.DeepClone(),
            ["SdkHttpMetadata"] = new JsonObject
            {
                ["AllHttpHeaders"] = new JsonObject
                {
                    ["X-Amz-Executed-Version"] = new JsonArray("$LATEST"),
                    ["x-amzn-RequestId"] = new JsonArray(result.RequestId),
                    ["Content-Type"] = new JsonArray("application/json"),
                },
                ["HttpHeaders"] = new JsonObject
                {
                    ["X-Amz-Executed-Version"] = "$LATEST",
                    ["x-amzn-RequestId"] = result.RequestId,
                    ["Content-Type"] = "application/json",
                },
                ["HttpStatusCode"] = 200,
            },
            ["SdkResponseMetadata"] = new JsonObject { ["RequestId"] = result.RequestId },
            ["StatusCode"] = 200,
        };
    }
}
