using System.Text.Json.Nodes;
using TrainingOrchestration.Asl;
using TrainingOrchestration.LocalRuntime.Faults;

namespace TrainingOrchestration.LocalRuntime.StepFunctions;

/// <summary>
/// <c>arn:aws:states:::states:startExecution</c> (request-response), routed through the runtime so nested executions
/// get the runtime's <see cref="ExecutionOptionsPolicy"/>. Answers like the optimized integration
/// (<c>ExecutionArn</c>, <c>StartDate</c>); a name already used fails with <c>StepFunctions.ExecutionAlreadyExistsException</c>.
/// </summary>
public sealed class StartExecutionIntegration(StepFunctionsEngine engine, ExecutionOptionsPolicy policy) : IServiceIntegration
{
    public bool CanHandle(string resource) => resource.EndsWith(":states:::states:startExecution", StringComparison.Ordinal);

    public async Task<JsonNode?> InvokeAsync(TaskRequest request, CancellationToken cancellationToken)
    {
        var p = request.Parameters as JsonObject ?? new JsonObject();
        var arn = p["StateMachineArn"]?.GetValue<string>()
            ?? throw new TaskFailedException("StepFunctions.InvalidArnException", "StartExecution needs StateMachineArn.");
        var input = p["Input"] switch
        {
            null => "{}",
            JsonValue v when v.TryGetValue<string>(out var text) => text,
            var node => node.ToJsonString(),
        };
        try
        {
            var result = await engine.StartExecutionAsync(arn, p["Name"]?.GetValue<string>(), input, policy.For(arn[(arn.LastIndexOf(':') + 1)..]));
            return new JsonObject
            {
                ["ExecutionArn"] = result.ExecutionArn,
                ["StartDate"] = result.StartDate.ToUnixTimeMilliseconds(),
                ["SdkHttpMetadata"] = new JsonObject { ["HttpStatusCode"] = 200 },
                ["SdkResponseMetadata"] = new JsonObject { ["RequestId"] = Guid.NewGuid().ToString() },
            };
        }
        catch (StepFunctionsApiException ex)
        {
            var code = ex.ErrorCode.EndsWith("Exception", StringComparison.Ordinal) ? ex.ErrorCode[..^"Exception".Length] : ex.ErrorCode;
            throw AwsErrorNames.For("states:startExecution", code, ex.Message, 400);
        }
    }
}
