using System.Text.Json.Nodes;
using TrainingOrchestration.Asl.Json;
using TrainingOrchestration.Asl.Runtime;

namespace TrainingOrchestration.Asl;

/// <summary>Running, closing and redriving executions.</summary>
public sealed partial class StepFunctionsEngine
{
    /// <summary>Restarts a failed, timed-out or aborted Standard execution from the state that did not succeed.</summary>
    public DateTimeOffset RedriveExecution(string executionArn)
    {
        var record = FindExecution(executionArn);
        (string State, string InputText, VariableScope Variables) checkpoint;
        lock (record.Gate)
        {
            if (record.Machine.Type != StateMachineType.Standard)
                throw new StepFunctionsApiException("ExecutionNotRedrivable", $"Execution '{executionArn}' belongs to an Express state machine and cannot be redriven.");
            if (record.Status is ExecutionStatus.Running or ExecutionStatus.Succeeded || record.Checkpoint is null)
                throw new StepFunctionsApiException("ExecutionNotRedrivable", $"Execution '{executionArn}' is {record.Describe().StatusName}; only FAILED, TIMED_OUT or ABORTED executions can be redriven.");
            if (_clock.Now - record.StopDate > TimeSpan.FromDays(14))
                throw new StepFunctionsApiException("ExecutionNotRedrivable", $"Execution '{executionArn}' closed more than 14 days ago.");
            checkpoint = record.Checkpoint.Value;
            record.RedriveCount++;
            record.RedriveDate = _clock.Now;
            record.Status = ExecutionStatus.Running;
            record.StopDate = null;
            record.Error = null;
            record.Cause = null;
            record.Stop = new CancellationTokenSource();
            record.Completion = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            record.History.Add("ExecutionRedriven", new JsonObject { ["redriveCount"] = record.RedriveCount }, record.History.LastId);
        }
        RaiseStatusChanged(record);
        Launch(record, checkpoint.State, JsonKit.Parse(checkpoint.InputText), checkpoint.Variables);
        return record.RedriveDate!.Value;
    }

    private void Launch(ExecutionRecord record, string startAt, JsonNode? input, VariableScope variables)
    {
        _clock.Acquire();
        CancellationTokenSource stop;
        lock (record.Gate) { stop = record.Stop; }
        IDisposable? timeout = null;
        if (record.Definition.TimeoutSeconds is { } seconds)
        {
            timeout = _clock.Schedule(Timestamps.After(_clock.Now, seconds), () =>
                Close(record, ExecutionStatus.TimedOut, null, ErrorNames.Timeout, $"The execution timed out after {seconds} seconds."));
        }
        var start = new PendingStart(async () =>
        {
            try
            {
                var frame = new Frame
                {
                    Execution = record,
                    Machine = record.Definition,
                    Variables = variables,
                    Cancellation = stop.Token,
                    TopLevel = true,
                    PreviousEventId = record.History.LastId,
                };
                var output = await _interpreter.RunMachineAsync(frame, startAt, input);
                Close(record, ExecutionStatus.Succeeded, output, null, null);
            }
            catch (AslErrorException e)
            {
                Close(record, ExecutionStatus.Failed, null, e.Error, e.Cause);
            }
            catch (OperationCanceledException)
            {
                Close(record, ExecutionStatus.Aborted, null, null, null);
            }
            catch (Exception e)
            {
                Close(record, ExecutionStatus.Failed, null, ErrorNames.Runtime, $"Internal error of the local engine: {e.GetType().Name}: {e.Message}");
            }
            finally
            {
                timeout?.Dispose();
                _clock.Release();
            }
        });
        lock (record.Gate) { record.PendingStart = start; }
        start.Queue();
    }

    /// <summary>At 25,000 history events the execution fails as AWS fails it: States.Runtime, the quota named in the cause.</summary>
    private void FailAtHistoryLimit(ExecutionRecord record) =>
        record.History.LimitReached = () => Close(record, ExecutionStatus.Failed, null, ErrorNames.Runtime, ExecutionHistory.LimitCause);

    private void Close(ExecutionRecord record, ExecutionStatus status, JsonNode? output, string? error, string? cause)
    {
        List<Action>? callbacks;
        lock (record.Gate)
        {
            if (record.Status != ExecutionStatus.Running) return;
            record.Status = status;
            record.StopDate = _clock.Now;
            record.Output = status == ExecutionStatus.Succeeded ? JsonKit.Serialize(output) : null;
            record.Error = error;
            record.Cause = cause;
            switch (status)
            {
                case ExecutionStatus.Succeeded:
                    record.History.RecordShaped("ExecutionSucceeded", EventDetails.ExecutionSucceededShape.Instance, record.Output!,
                        record.History.LastId, executionEnd: true);
                    break;
                default:
                    var type = status switch
                    {
                        ExecutionStatus.Aborted => "ExecutionAborted",
                        ExecutionStatus.TimedOut => "ExecutionTimedOut",
                        _ => "ExecutionFailed",
                    };
                    var details = new JsonObject();
                    if (error is not null) details["error"] = error;
                    if (cause is not null) details["cause"] = cause;
                    record.History.Add(type, details, record.History.LastId);
                    break;
            }
            if (status != ExecutionStatus.Succeeded)
            {
                try { record.Stop.Cancel(); } catch (ObjectDisposedException) { }
            }
            record.Completion.TrySetResult();
            lock (_finishedCallbacks)
            {
                _finishedCallbacks.Remove(record.Arn, out callbacks);
            }
        }
        if (callbacks is not null)
        {
            foreach (var callback in callbacks) callback();
        }
        RaiseStatusChanged(record);
    }

    /// <summary>
    /// Raised when a Standard execution starts, closes or is redriven, with its description at that moment: what Step
    /// Functions sends to EventBridge as "Step Functions Execution Status Change" (Express executions send none).
    /// </summary>
    public event Action<ExecutionDescription>? ExecutionStatusChanged;

    private void RaiseStatusChanged(ExecutionRecord record)
    {
        if (record.Machine.Type == StateMachineType.Standard) ExecutionStatusChanged?.Invoke(record.Describe());
    }
}
