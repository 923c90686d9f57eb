using System.Text.Json.Nodes;
using TrainingOrchestration.Asl;
using TrainingOrchestration.Pipelines.Conventions;

namespace TrainingOrchestration.LocalRuntime.StepFunctions;

/// <summary>
/// The "Step Functions Execution Status Change" event (source <c>aws.states</c>) a Standard execution sends to the default
/// bus when it starts, closes or is redriven. Its detail carries DescribeExecution's fields (AWS: step-functions/latest/dg/cw-events.html,
/// "the detail section provides the same information as the DescribeExecution API"): dates in epoch milliseconds, input
/// and output as JSON text, error and cause of a failure, and the redrive count.
/// </summary>
public static class ExecutionStatusChangeEvent
{
    public const string Source = DetailTypes.StepFunctionsSource;
    public const string DetailType = DetailTypes.ExecutionStatusChange;

    /// <summary>The event entry to put on the local bus (the bus adds id, time, account, region, version).</summary>
    public static JsonObject For(ExecutionDescription execution) => new()
    {
        ["source"] = Source,
        ["detail-type"] = DetailType,
        ["resources"] = new JsonArray(execution.ExecutionArn),
        ["detail"] = new JsonObject
        {
            ["executionArn"] = execution.ExecutionArn,
            ["stateMachineArn"] = execution.StateMachineArn,
            ["name"] = execution.Name,
            ["status"] = execution.StatusName,
            ["startDate"] = execution.StartDate.ToUnixTimeMilliseconds(),
            ["stopDate"] = execution.StopDate?.ToUnixTimeMilliseconds(),
            ["input"] = execution.Input,
            ["inputDetails"] = new JsonObject { ["included"] = true },
            ["output"] = execution.Output,
            ["outputDetails"] = execution.Output is null ? null : new JsonObject { ["included"] = true },
            ["error"] = execution.Error,
            ["cause"] = execution.Cause,
            ["redriveCount"] = execution.RedriveCount,
            ["redriveDate"] = execution.RedriveDate?.ToUnixTimeMilliseconds(),
            ["redriveStatus"] = execution.Status is ExecutionStatus.Failed or ExecutionStatus.TimedOut or ExecutionStatus.Aborted ? "REDRIVABLE" : "NOT_REDRIVABLE",
        },
    };
}
