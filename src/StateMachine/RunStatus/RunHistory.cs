using Amazon.CDK;
using Constructs;
using TrainingOrchestration.StateMachine.Steps;

namespace TrainingOrchestration.StateMachine.RunStatus;

/// <summary>
/// The two reads of the training execution's history (<c>aws-sdk:sfn:getExecutionHistory</c>; the SDK integration
/// answers with the API's PascalCase names: <c>Events[].Type</c>, <c>StateExitedEventDetails.Output</c>...). JSONata,
/// because the answers need filtering and defaults JSONPath cannot express. Both put what they find under <c>$.run</c>.
/// </summary>
internal static class RunHistory
{
    /// <summary>
    /// <c>FindRun</c>: the run id the execution runs under. A rerun's id is not in its input — <see cref="IdentifyRun"/>
    /// gave it a fresh one — so it is read from IdentifyRun's output, a few events into the history; an execution
    /// that failed before that has the input's id (or, without one, its name).
    /// </summary>
    public static JsonataTaskState FindRun(Construct scope) => History(scope, "FindRun", reverse: false, maxResults: 25, withData: true,
        "{% $merge([$states.input, {'run': {'runId': " + Identified + " ? $parse(" + Identified + ".StateExitedEventDetails.Output).runId "
        + ": ($exists($parse($states.input.detail.input).runId) ? $parse($states.input.detail.input).runId : $states.input.detail.name), "
        + "'executionArn': $states.input.detail.executionArn, 'status': $states.input.detail.status, "
        + "'redriveCount': $states.input.detail.redriveCount}}]) %}");

    private const string Identified = "$states.result.Events[Type = 'TaskStateExited' and StateExitedEventDetails.Name = 'IdentifyRun'][0]";

    /// <summary>
    /// <c>FindFailedState</c>: the last state the execution entered (newest first, so the first <c>*StateEntered</c>),
    /// the error and cause (Step Functions leaves them null for a time-out or an abort without one), and until when
    /// the lock is held for a redrive.
    /// </summary>
    public static JsonataTaskState FindFailedState(Construct scope, TimeSpan redriveWindow) => History(scope, "FindFailedState", reverse: true, maxResults: 50, withData: false,
        "{% ($detail := $states.input.detail; $failed := (" + Entered + " ? " + Entered + " : 'none'); "
        + "$merge([$states.input, {'run': $merge([$states.input.run, {"
        + "'failedState': $failed, "
        + "'error': $detail.error ? $detail.error : ($detail.status = 'TIMED_OUT' ? 'States.Timeout' : 'ExecutionAborted'), "
        + "'cause': $detail.cause ? $detail.cause : 'The execution ended ' & $detail.status & ' in state ' & $failed & '.', "
        + "'redriveUntil': $fromMillis(($detail.stopDate ? $detail.stopDate : $millis()) + " + $"{(long)redriveWindow.TotalMilliseconds}" + ")"
        + "}])}])) %}");

    private const string Entered = "$states.result.Events[$contains(Type, 'StateEntered')][0].StateEnteredEventDetails.Name";

    private static JsonataTaskState History(Construct scope, string id, bool reverse, int maxResults, bool withData, string output)
    {
        var state = new JsonataTaskState(scope, id, new Dictionary<string, object>
        {
            ["Type"] = "Task",
            ["Resource"] = $"arn:{Aws.PARTITION}:states:::aws-sdk:sfn:getExecutionHistory",
            ["Arguments"] = new Dictionary<string, object>
            {
                ["ExecutionArn"] = "{% $states.input.detail.executionArn %}",
                ["ReverseOrder"] = reverse,
                ["MaxResults"] = maxResults,
                ["IncludeExecutionData"] = withData,
            },
            ["Output"] = output,
        });
        state.AddRetry(ServiceRetries.For(ServiceRetries.StepFunctionsSdk));
        return state;
    }
}
