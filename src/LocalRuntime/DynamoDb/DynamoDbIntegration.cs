using System.Reflection;
using System.Text.Json;
using System.Text.Json.Nodes;
using Amazon.DynamoDBv2;
using Amazon.Runtime;
using TrainingOrchestration.Asl;

namespace TrainingOrchestration.LocalRuntime.DynamoDb;

/// <summary>
/// Step Functions' DynamoDB integrations against the local DynamoDB: the optimized
/// <c>arn:aws:states:::dynamodb:getItem|putItem|updateItem|deleteItem</c> and every
/// <c>arn:aws:states:::aws-sdk:dynamodb:*</c> action (also with <c>.waitForTaskToken</c>). Parameters are the API's JSON,
/// mapped onto the SDK's request type; results come back in the API's JSON shape. Errors are named as Step Functions
/// names them: <c>DynamoDB.&lt;Exception&gt;</c> for the optimized integration, <c>DynamoDb.&lt;Exception&gt;</c> for the SDK one.
/// </summary>
public sealed class DynamoDbIntegration(IAmazonDynamoDB client) : IServiceIntegration
{
    private static readonly HashSet<string> OptimizedActions = ["getItem", "putItem", "updateItem", "deleteItem"];
    private static readonly string[] ResponseNoise = ["ResponseMetadata", "ContentLength", "HttpStatusCode"];

    public bool CanHandle(string resource) =>
        resource.Contains(":states:::dynamodb:", StringComparison.Ordinal) || resource.Contains(":states:::aws-sdk:dynamodb:", StringComparison.Ordinal);

    public async Task<JsonNode?> InvokeAsync(TaskRequest request, CancellationToken cancellationToken)
    {
        var prefix = request.IsAwsSdk ? "DynamoDb" : "DynamoDB";
        if (!request.IsAwsSdk && !OptimizedActions.Contains(request.Action))
        {
            throw new TaskFailedException("States.Runtime", $"The optimized DynamoDB integration supports getItem, putItem, updateItem and deleteItem, not {request.Action}.");
        }
        var operation = char.ToUpperInvariant(request.Action[0]) + request.Action[1..];
        var requestType = typeof(AmazonDynamoDBClient).Assembly.GetType($"Amazon.DynamoDBv2.Model.{operation}Request")
            ?? throw new TaskFailedException($"{prefix}.DynamoDbException", $"Unknown DynamoDB action {request.Action}.");
        var method = typeof(IAmazonDynamoDB).GetMethod($"{operation}Async", [requestType, typeof(CancellationToken)])
            ?? throw new TaskFailedException($"{prefix}.DynamoDbException", $"Unknown DynamoDB action {request.Action}.");

        object sdkRequest;
        try
        {
            sdkRequest = (request.Parameters ?? new JsonObject()).Deserialize(requestType, DynamoDbJson.Options)!;
        }
        catch (JsonException ex)
        {
            throw new TaskFailedException($"{prefix}.{(request.IsAwsSdk ? "DynamoDbException" : "AmazonDynamoDBException")}",
                $"The request parameters are not valid for {operation}: {ex.Message} (path {ex.Path})");
        }

        AmazonWebServiceResponse response;
        try
        {
            var task = (Task)method.Invoke(client, [sdkRequest, cancellationToken])!;
            await task;
            response = (AmazonWebServiceResponse)task.GetType().GetProperty("Result")!.GetValue(task)!;
        }
        catch (AmazonDynamoDBException ex)
        {
            throw new TaskFailedException(ErrorName(prefix, ex, request.IsAwsSdk), Cause(ex, request.IsAwsSdk));
        }
        catch (TargetInvocationException ex) when (ex.InnerException is AmazonDynamoDBException inner)
        {
            throw new TaskFailedException(ErrorName(prefix, inner, request.IsAwsSdk), Cause(inner, request.IsAwsSdk));
        }

        var result = JsonSerializer.SerializeToNode(response, response.GetType(), DynamoDbJson.Options)!.AsObject();
        foreach (var noise in ResponseNoise) result.Remove(noise);
        if (!request.IsAwsSdk)
        {
            var requestId = response.ResponseMetadata?.RequestId ?? Guid.NewGuid().ToString();
            result["SdkHttpMetadata"] = new JsonObject
            {
                ["AllHttpHeaders"] = new JsonObject { ["x-amzn-RequestId"] = new JsonArray(requestId), ["Content-Type"] = new JsonArray("application/x-amz-json-1.0") },
                ["HttpHeaders"] = new JsonObject { ["x-amzn-RequestId"] = requestId, ["Content-Type"] = "application/x-amz-json-1.0" },
                ["HttpStatusCode"] = 200,
            };
            result["SdkResponseMetadata"] = new JsonObject { ["RequestId"] = requestId };
        }
        return result;
    }

    private static string ErrorName(string prefix, AmazonDynamoDBException ex, bool awsSdk)
    {
        var name = ex.GetType() == typeof(AmazonDynamoDBException)
            ? (awsSdk ? "DynamoDbException" : "AmazonDynamoDBException")
            : ex.GetType().Name;
        return $"{prefix}.{name}";
    }

    private static string Cause(AmazonDynamoDBException ex, bool awsSdk) => awsSdk
        ? $"{ex.Message} (Service: DynamoDb, Status Code: {(int)ex.StatusCode}, Request ID: {ex.RequestId})"
        : $"{ex.Message} (Service: AmazonDynamoDBv2; Status Code: {(int)ex.StatusCode}; Error Code: {ex.ErrorCode}; Request ID: {ex.RequestId}; Proxy: null)";
}
