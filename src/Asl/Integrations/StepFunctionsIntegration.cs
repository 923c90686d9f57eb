using System.Text.Json.Nodes;
using TrainingOrchestration.Asl.Json;
using TrainingOrchestration.Asl.Runtime;

namespace TrainingOrchestration.Asl.Integrations;

/// <summary>
/// The optimized <c>arn:aws:states:::states:startExecution</c> integration (request-response, <c>.sync</c>,
/// <c>.sync:2</c>, <c>.waitForTaskToken</c>) against this engine, with AWS's <c>StepFunctions.*Exception</c> error names.
/// </summary>
internal sealed class StepFunctionsIntegration(StepFunctionsEngine engine) : IServiceIntegration
{
    private const string Prefix = "arn:aws:states:::states:startExecution";

    public bool CanHandle(string resource) => resource.StartsWith(Prefix, StringComparison.Ordinal);

    public async Task<JsonNode?> InvokeAsync(TaskRequest request, CancellationToken cancellationToken)
    {
        var p = request.Parameters as JsonObject ?? new JsonObject();
        var machineArn = JsonKit.AsString(p["StateMachineArn"]) ?? throw new TaskFailedException("StepFunctions.InvalidArnException", "StateMachineArn is required.");
        StartExecutionResult started;
        try
        {
            started = engine.StartExecution(machineArn, JsonKit.AsString(p["Name"]), ExecutionJson.InputText(p["Input"]), ChildOptions(request, machineArn));
        }
        catch (StepFunctionsApiException e)
        {
            throw new TaskFailedException($"StepFunctions.{e.ErrorCode}Exception", e.Message);
        }
        if (request.Pattern != IntegrationPattern.Sync)
        {
            return new JsonObject { ["ExecutionArn"] = started.ExecutionArn, ["StartDate"] = Timestamps.Format(started.StartDate) };
        }
        var finished = await request.Context.WaitForExecutionAsync(started.ExecutionArn, cancellationToken);
        var parse = request.Resource.EndsWith(":2", StringComparison.Ordinal);
        var description = ExecutionJson.Describe(finished, parse);
        if (finished.Status != ExecutionStatus.Succeeded)
        {
            throw new TaskFailedException(ErrorNames.TaskFailed, JsonKit.Serialize(ExecutionJson.Describe(finished, false)));
        }
        return description;
    }

    /// <summary>A child machine is mocked by the same test case when the MockConfigFile defines one for it.</summary>
    private ExecutionOptions? ChildOptions(TaskRequest request, string machineArn)
    {
        var parent = engine.DescribeExecutionRecordOptions(request.Context.ExecutionArn);
        if (parent?.MockConfig is null || parent.TestCase is null) return null;
        var name = machineArn[(machineArn.LastIndexOf(':') + 1)..];
        return parent.MockConfig.HasTestCase(name, parent.TestCase) ? new ExecutionOptions(parent.MockConfig, parent.TestCase) : null;
    }
}
