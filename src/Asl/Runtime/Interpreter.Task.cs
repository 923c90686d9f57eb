using System.Text.Json.Nodes;
using TrainingOrchestration.Asl.Json;
using TrainingOrchestration.Asl.Paths;

namespace TrainingOrchestration.Asl.Runtime;

internal sealed partial class Interpreter
{
    private const int DefaultTaskTimeoutSeconds = 99999999;

    /// <summary>
    /// Runs the task; a failed or timed-out task comes back as <c>Failure</c> rather than thrown, so Retry and Catch
    /// (a throttled call retried is the common case) do not pay for an exception thrown through the async frames.
    /// </summary>
    private async ValueTask<(JsonNode? Output, AslErrorException? Failure)> RunTaskAsync(StateRun run, JsonNode? rawInput)
    {
        var state = run.State;
        var frame = run.Frame;
        var history = frame.Execution.History;
        var resource = state.ParsedResource;
        TokenWaiter? waiter = null;
        if (resource.Pattern == IntegrationPattern.WaitForTaskToken)
        {
            waiter = tokens.Issue(frame.Execution);
            run.TaskToken = waiter.Token;
        }
        try
        {
            // Parameters (or Arguments) first, as before: their errors win over those of TimeoutSecondsPath and friends.
            // As UTF-8 (PayloadText.EvaluateUtf8): the history keeps it, and only a real integration parses it again.
            var parametersText = state.IsJsonata || state.Parameters is null
                ? System.Text.Encoding.UTF8.GetBytes(JsonKit.Serialize(EffectiveInput(run, rawInput)))
                : PayloadText.EvaluateUtf8(state.Parameters, run.Source(InputPath(run, rawInput)), state.Name, run.Prefix, (rawInput, run.InputText));
            var source = run.Source(rawInput);
            var jsonata = state.IsJsonata ? JsonataFor(run, rawInput) : null;
            var timeout = jsonata is not null ? JsonataInteger(run, state.TimeoutSeconds, jsonata, "TimeoutSeconds")
                : state.TimeoutSecondsPath is not null ? PositiveSeconds(run, source, state.TimeoutSecondsPath, "TimeoutSecondsPath")
                : state.TimeoutSeconds is not null ? (int)JsonKit.AsDouble(state.TimeoutSeconds) : (int?)null;
            var heartbeat = jsonata is not null ? JsonataInteger(run, state.HeartbeatSeconds, jsonata, "HeartbeatSeconds")
                : state.HeartbeatSecondsPath is not null ? PositiveSeconds(run, source, state.HeartbeatSecondsPath, "HeartbeatSecondsPath")
                : state.HeartbeatSeconds is not null ? (int)JsonKit.AsDouble(state.HeartbeatSeconds) : (int?)null;
            var due = Timestamps.After(clock.Now, timeout ?? DefaultTaskTimeoutSeconds);

            frame.PreviousEventId = history.RecordShaped(resource.ScheduledType, resource.ScheduledShape(engine.Region, timeout, heartbeat),
                parametersText, frame.PreviousEventId);
            // An activity is Started when a worker takes it (GetActivityTask), not when it is scheduled.
            if (!resource.IsActivity)
                frame.PreviousEventId = history.Record(resource.StartedType, resource.IsLambdaFunction ? null : resource.StartedDetails, frame.PreviousEventId);

            var outcome = await ExecuteTaskAsync(run, resource, parametersText, waiter, due, heartbeat);
            switch (outcome.Kind)
            {
                case TaskOutcomeKind.Succeeded:
                    var outputText = outcome.OutputText ?? JsonKit.Serialize(outcome.Output);
                    frame.PreviousEventId = history.RecordShaped(resource.SucceededType, resource.SucceededShape, outputText, frame.PreviousEventId);
                    if (outputText.Length * 3 > PayloadLimitBytes && System.Text.Encoding.UTF8.GetByteCount(outputText) > PayloadLimitBytes)
                        throw new AslErrorException(ErrorNames.DataLimitExceeded,
                            $"The state/task '{state.Name}' returned a result with a size exceeding the maximum number of bytes service limit.");
                    // A ResultSelector only reads the result (it copies what it selects); anything else may keep it.
                    var result = outcome.Shared && (state.IsJsonata || state.ResultSelector is null) ? JsonKit.Clone(outcome.Output) : outcome.Output;
                    return (FinishResult(run, rawInput, result), null);
                case TaskOutcomeKind.Stopped:
                    throw new OperationCanceledException(frame.Cancellation);
                default:
                    var error = outcome.Kind switch
                    {
                        TaskOutcomeKind.TimedOut => ErrorNames.Timeout,
                        TaskOutcomeKind.HeartbeatTimedOut => ErrorNames.HeartbeatTimeout,
                        _ => outcome.Error,
                    };
                    var plain = resource.IsLambdaFunction || resource.IsActivity;
                    var failed = new EventDetails.TaskFailed(plain ? null : resource.HistoryType, plain ? null : resource.HistoryResource, error, outcome.Cause ?? "");
                    var type = outcome.Kind is TaskOutcomeKind.TimedOut or TaskOutcomeKind.HeartbeatTimedOut ? resource.TimedOutType : resource.FailedType;
                    frame.PreviousEventId = history.Record(type, failed, frame.PreviousEventId);
                    return (null, new AslErrorException(error, outcome.Cause));
            }
        }
        finally
        {
            if (waiter is not null) tokens.Finish(waiter);
        }
    }

    private JsonObject Describe(ParsedResource resource) => resource.IsLambdaFunction || resource.IsActivity
        ? new JsonObject()
        : new JsonObject { ["resourceType"] = resource.HistoryType, ["resource"] = resource.HistoryResource };

    /// <summary>A mocked task answers at once (its outcome made once per MockConfigFile response); otherwise the integration runs.</summary>
    private ValueTask<TaskOutcome> ExecuteTaskAsync(StateRun run, ParsedResource resource, byte[] parametersText, TokenWaiter? waiter, DateTimeOffset due, int? heartbeat) =>
        FindMock(run) is { } mocked
            ? ValueTask.FromResult(mocked.Outcome)
            : InvokeIntegrationAsync(run, resource, parametersText, waiter, due, heartbeat);

    private async ValueTask<TaskOutcome> InvokeIntegrationAsync(StateRun run, ParsedResource resource, byte[] parametersText, TokenWaiter? waiter, DateTimeOffset due, int? heartbeat)
    {
        var frame = run.Frame;
        var execution = frame.Execution;
        // Integrations get parsed JSON (as from the wire), so GetValue<int>/<double> work whatever built the values.
        var parameters = JsonNode.Parse(parametersText, documentOptions: new System.Text.Json.JsonDocumentOptions { MaxDepth = 512 });
        var integration = engine.Dispatcher.Find(run.State.Resource!) ?? engine.BuiltIns.Find(run.State.Resource!);
        if (integration is null && !resource.IsActivity)
        {
            return new TaskOutcome(TaskOutcomeKind.Failed, Error: ErrorNames.TaskFailed,
                Cause: $"No service integration is registered for resource '{run.State.Resource}' (state '{run.State.Name}').");
        }
        var context = new TaskContext(execution.Arn, execution.Machine.Arn, run.State.Name, run.RetryCount, clock.Clock, engine)
        {
            Delay = (until, ct) => HandlerDelayAsync(until, ct),
            AwaitExecution = (arn, ct) => HandlerAwaitExecutionAsync(arn, ct),
        };
        var request = new TaskRequest(run.State.Resource!, resource.Service, resource.Action, resource.Pattern, resource.IsAwsSdk,
            parameters, waiter?.Token, context);

        if (integration is null && resource.IsActivity && waiter is not null)
        {
            engine.Activities.Enqueue(run.State.Resource!, new ActivityTask(waiter.Token, JsonKit.Serialize(parameters)),
                worker => frame.PreviousEventId = execution.History.Add("ActivityStarted",
                    worker is null ? null : new JsonObject { ["workerName"] = worker }, frame.PreviousEventId));
        }
        var outcome = integration is null
            ? new TaskOutcome(TaskOutcomeKind.Succeeded)
            : await InvokeHandlerAsync(integration, request, frame.Cancellation, due);
        if (waiter is null || outcome.Kind != TaskOutcomeKind.Succeeded) return outcome;

        var submitted = Describe(resource);
        submitted["output"] = JsonKit.Serialize(outcome.Output);
        submitted["outputDetails"] = new JsonObject { ["truncated"] = false };
        if (!resource.IsActivity) frame.PreviousEventId = execution.History.Add("TaskSubmitted", submitted, frame.PreviousEventId);
        using var timer = clock.Schedule(due, () => waiter.Signal.TryWake(new TaskOutcome(TaskOutcomeKind.TimedOut)));
        using var stop = frame.Cancellation.Register(() => waiter.Signal.TryWake(new TaskOutcome(TaskOutcomeKind.Stopped)));
        if (heartbeat is { } seconds) waiter.StartHeartbeat(TimeSpan.FromSeconds(seconds));
        return await waiter.Signal.WaitReleasedAsync();
    }

    /// <summary>Runs the handler under its own clock hold, racing the task timeout and StopExecution.</summary>
    private async Task<TaskOutcome> InvokeHandlerAsync(IServiceIntegration integration, TaskRequest request, CancellationToken cancellation, DateTimeOffset due)
    {
        var signal = new WakeSignal<TaskOutcome>(clock);
        clock.Acquire();
        Task<JsonNode?> work;
        try
        {
            work = integration.InvokeAsync(request, cancellation);
        }
        catch (Exception e)
        {
            work = Task.FromException<JsonNode?>(e);
        }
        _ = work.ContinueWith(t =>
        {
            signal.TryWake(ToOutcome(t));
            clock.Release();
        }, CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
        using var timer = clock.Schedule(due, () => signal.TryWake(new TaskOutcome(TaskOutcomeKind.TimedOut)));
        using var stop = cancellation.Register(() => signal.TryWake(new TaskOutcome(TaskOutcomeKind.Stopped)));
        return await signal.WaitReleasedAsync();
    }

    private static TaskOutcome ToOutcome(Task<JsonNode?> task)
    {
        // A handler may return a node that lives in its own document; the execution works on a detached copy.
        if (task.IsCompletedSuccessfully) return new TaskOutcome(TaskOutcomeKind.Succeeded, JsonKit.Detach(task.Result));
        if (task.IsCanceled) return new TaskOutcome(TaskOutcomeKind.Stopped);
        var error = task.Exception!.InnerException ?? task.Exception;
        return error switch
        {
            TaskFailedException failed => new TaskOutcome(TaskOutcomeKind.Failed, Error: failed.Error, Cause: failed.Cause),
            AslErrorException asl => new TaskOutcome(TaskOutcomeKind.Failed, Error: asl.Error, Cause: asl.Cause),
            OperationCanceledException => new TaskOutcome(TaskOutcomeKind.Stopped),
            _ => new TaskOutcome(TaskOutcomeKind.Failed, Error: ErrorNames.TaskFailed, Cause: $"{error.GetType().Name}: {error.Message}"),
        };
    }

    private async Task HandlerDelayAsync(DateTimeOffset due, CancellationToken cancellation)
    {
        var signal = new WakeSignal<bool>(clock);
        using var timer = clock.Schedule(due, () => signal.TryWake(true));
        using var stop = cancellation.Register(() => signal.TryWake(false));
        if (!await signal.WaitReleasedAsync()) throw new OperationCanceledException(cancellation);
    }

    private async Task<ExecutionDescription> HandlerAwaitExecutionAsync(string executionArn, CancellationToken cancellation)
    {
        var signal = new WakeSignal<bool>(clock);
        engine.OnFinished(executionArn, () => signal.TryWake(true));
        using var stop = cancellation.Register(() => signal.TryWake(false));
        if (!await signal.WaitReleasedAsync()) throw new OperationCanceledException(cancellation);
        return engine.DescribeExecution(executionArn);
    }

    private static MockedResponse? FindMock(StateRun run)
    {
        var execution = run.Frame.Execution;
        var options = execution.Options;
        if (options.MockConfig is null || options.TestCase is null) return null;
        var mocks = Volatile.Read(ref execution.Mocks);
        if (mocks is null)
        {
            var made = new MockCalls(options.MockConfig, options.MockStateMachineName ?? execution.Machine.Name, options.TestCase);
            mocks = Interlocked.CompareExchange(ref execution.Mocks, made, null) ?? made;
        }
        return mocks.Next(run.State.Name);
    }

    private static int PositiveSeconds(StateRun run, ValueSource source, string pathText, string field)
    {
        var value = PayloadEvaluator.Resolve(JsonPath.Parse(pathText), source, field, run.Prefix);
        if (JsonKit.IsNumber(value) && JsonKit.IsIntegerLiteral(value) && JsonKit.AsDouble(value) is > 0 and <= int.MaxValue)
            return (int)JsonKit.AsDouble(value);
        throw new AslErrorException(ErrorNames.Runtime,
            $"{run.ErrorPrefix()}The {field} field refers to value \"{Render(value)}\" which is not a valid positive integer: {pathText}");
    }
}
