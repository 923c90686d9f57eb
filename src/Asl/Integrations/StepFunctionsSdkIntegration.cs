using System.Text.Json.Nodes;
using TrainingOrchestration.Asl.Json;
using TrainingOrchestration.Asl.Runtime;

namespace TrainingOrchestration.Asl.Integrations;

/// <summary>
/// <c>arn:aws:states:::aws-sdk:sfn:*</c> against this engine: SendTaskSuccess/Failure/Heartbeat, StartExecution,
/// DescribeExecution, StopExecution; API errors surface as the SDK integration names them (<c>Sfn.TaskTimedOutException</c>...).
/// </summary>
internal sealed class StepFunctionsSdkIntegration(StepFunctionsEngine engine) : IServiceIntegration
{
    private const string Prefix = "arn:aws:states:::aws-sdk:sfn:";

    public bool CanHandle(string resource) => resource.StartsWith(Prefix, StringComparison.Ordinal);

    public Task<JsonNode?> InvokeAsync(TaskRequest request, CancellationToken cancellationToken)
    {
        var p = request.Parameters as JsonObject ?? new JsonObject();
        try
        {
            JsonNode? result = request.Action switch
            {
                "sendTaskSuccess" => Do(() => engine.SendTaskSuccess(Required(p, "TaskToken"), ExecutionJson.InputText(p["Output"]) ?? "null")),
                "sendTaskFailure" => Do(() => engine.SendTaskFailure(Required(p, "TaskToken"), JsonKit.AsString(p["Error"]), JsonKit.AsString(p["Cause"]))),
                "sendTaskHeartbeat" => Do(() => engine.SendTaskHeartbeat(Required(p, "TaskToken"))),
                "startExecution" => Started(engine.StartExecution(Required(p, "StateMachineArn"), JsonKit.AsString(p["Name"]), ExecutionJson.InputText(p["Input"]))),
                "describeExecution" => ExecutionJson.Describe(engine.DescribeExecution(Required(p, "ExecutionArn")), false),
                "stopExecution" => new JsonObject
                {
                    ["StopDate"] = Timestamps.Format(engine.StopExecution(Required(p, "ExecutionArn"), JsonKit.AsString(p["Error"]), JsonKit.AsString(p["Cause"]))),
                },
                _ => throw new TaskFailedException("Sfn.SfnException", $"The local engine does not implement sfn:{request.Action}."),
            };
            return Task.FromResult<JsonNode?>(result);
        }
        catch (StepFunctionsApiException e)
        {
            throw new TaskFailedException($"Sfn.{e.ErrorCode}Exception", $"{e.Message} (Service: Sfn, Status Code: 400, Error Code: {e.ErrorCode})");
        }
    }

    private static JsonNode Do(Action action)
    {
        action();
        return new JsonObject();
    }

    private static JsonNode Started(StartExecutionResult started) =>
        new JsonObject { ["ExecutionArn"] = started.ExecutionArn, ["StartDate"] = Timestamps.Format(started.StartDate) };

    private static string Required(JsonObject p, string field) =>
        JsonKit.AsString(p[field]) ?? throw new TaskFailedException("Sfn.ValidationException", $"{field} is required.");
}
