using System.Text.Json.Nodes;
using TrainingOrchestration.Asl.Json;
using TrainingOrchestration.Asl.Runtime;

namespace TrainingOrchestration.Asl.Integrations;

/// <summary>
/// <c>arn:aws:states:::aws-sdk:sfn:*</c> against this engine: SendTaskSuccess/Failure/Heartbeat, StartExecution,
/// DescribeExecution, GetExecutionHistory, StopExecution; API errors surface as the SDK integration names them (<c>Sfn.TaskTimedOutException</c>...).
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
                "getExecutionHistory" => History(p),
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

    /// <summary>
    /// GetExecutionHistory as the SDK integration answers it: <c>{"Events":[{"Id","PreviousEventId","Timestamp","Type",
    /// "&lt;Type&gt;EventDetails":{..}}]}</c> with the SDK's PascalCase names; <c>ReverseOrder</c>, <c>MaxResults</c> (default 100)
    /// and <c>IncludeExecutionData</c> (false drops input and output) as on AWS. One page: no NextToken.
    /// </summary>
    private JsonObject History(JsonObject p)
    {
        var events = engine.GetExecutionHistory(Required(p, "ExecutionArn")).AsEnumerable();
        if (p["ReverseOrder"] is JsonValue reverse && reverse.TryGetValue<bool>(out var r) && r) events = events.Reverse();
        var max = p["MaxResults"] is JsonValue m && m.TryGetValue<int>(out var n) && n > 0 ? n : 100;
        var withData = p["IncludeExecutionData"] is not JsonValue include || !include.TryGetValue<bool>(out var i) || i;
        return new JsonObject
        {
            ["Events"] = new JsonArray(events.Take(max).Select(e => Pascal(e.ToJson(), withData)).ToArray()),
        };
    }

    private static readonly HashSet<string> ExecutionData = ["input", "output", "inputDetails", "outputDetails"];

    private static JsonNode? Pascal(JsonNode? node, bool withData) => node switch
    {
        JsonObject o => new JsonObject(o.Where(kv => withData || !ExecutionData.Contains(kv.Key))
            .Select(kv => KeyValuePair.Create(char.ToUpperInvariant(kv.Key[0]) + kv.Key[1..], Pascal(kv.Value, withData)))),
        JsonArray a => new JsonArray(a.Select(x => Pascal(x, withData)).ToArray()),
        _ => node?.DeepClone(),
    };

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
