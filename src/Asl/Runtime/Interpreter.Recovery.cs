using System.Text.Json.Nodes;
using TrainingOrchestration.Asl.Definition;
using TrainingOrchestration.Asl.Json;

namespace TrainingOrchestration.Asl.Runtime;

internal sealed partial class Interpreter
{
    /// <summary>
    /// Task, Parallel and Map: the first retrier whose ErrorEquals matches decides (no fall-through once it is
    /// exhausted); then the first matching catcher; otherwise the error propagates.
    /// </summary>
    private async ValueTask<(string?, JsonNode?)> RunWithRecoveryAsync(StateRun run, JsonNode? rawInput)
    {
        var state = run.State;
        // Made on the first retry: most visits succeed at once.
        int[]? attempts = null;
        while (true)
        {
            AslErrorException? failure;
            try
            {
                var (output, failed) = state.Type switch
                {
                    "Task" => await RunTaskAsync(run, rawInput),
                    "Parallel" => (await RunParallelAsync(run, rawInput), null),
                    "Map" => (await RunMapAsync(run, rawInput), null),
                    _ => throw new InvalidOperationException($"State type {state.Type} has no body."),
                };
                if (failed is null) return (state.Next, output);
                failure = failed;
            }
            catch (AslErrorException e)
            {
                failure = e;
            }
            var retrier = -1;
            for (var i = 0; i < state.Retry.Count; i++)
            {
                if (ErrorMatcher.Matches(state.Retry[i].ErrorEquals, failure.Error))
                {
                    retrier = i;
                    break;
                }
            }
            attempts ??= retrier >= 0 ? new int[state.Retry.Count] : null;
            if (retrier >= 0 && attempts![retrier] < state.Retry[retrier].MaxAttempts)
            {
                var delay = RetryDelay(state.Retry[retrier], attempts[retrier]);
                attempts[retrier]++;
                run.RetryCount++;
                await SleepAsync(run.Frame, Timestamps.After(clock.Now, delay.TotalSeconds));
                continue;
            }
            foreach (var catcher in state.Catch)
            {
                if (!ErrorMatcher.Matches(catcher.ErrorEquals, failure.Error)) continue;
                var errorOutput = new JsonObject { ["Error"] = failure.Error, ["Cause"] = failure.Cause };
                if (state.IsJsonata)
                {
                    var evaluator = JsonataFor(run, rawInput, errorOutput: errorOutput, hasErrorOutput: true);
                    JsonataAssign(run, catcher.Assign, evaluator);
                    return (catcher.Next, catcher.HasOutput ? JsonataField(run, catcher.Output, evaluator, "Output") : errorOutput);
                }
                var output = ResultPath(run, rawInput, errorOutput, catcher.HasResultPath, catcher.ResultPath);
                Assign(run, catcher.Assign, errorOutput);
                return (catcher.Next, output);
            }
            throw failure;
        }
    }

    /// <summary>IntervalSeconds × BackoffRate^attempt, capped by MaxDelaySeconds; FULL jitter picks uniformly below that.</summary>
    internal static TimeSpan RetryDelay(RetrierSpec retrier, int attempt)
    {
        // BackoffRate^attempt reaches infinity for a huge MaxAttempts; the caps below bring it back to a finite delay.
        var seconds = retrier.IntervalSeconds * Math.Pow(retrier.BackoffRate, attempt);
        if (retrier.MaxDelaySeconds is { } max) seconds = Math.Min(seconds, max);
        if (retrier.FullJitter) seconds = Random.Shared.NextDouble() * seconds;
        return TimeSpan.FromSeconds(Math.Min(seconds, 99999999));
    }

    /// <summary>Blocks the frame until <paramref name="due"/> without holding the clock (or until the execution stops).</summary>
    internal async Task SleepAsync(Frame frame, DateTimeOffset due)
    {
        var signal = new WakeSignal<bool>(clock);
        using var timer = clock.Schedule(due, () => signal.TryWake(true), wakesOnly: true);
        using var stop = frame.Cancellation.Register(() => signal.TryWake(false));
        var elapsed = await signal.WaitReleasedAsync();
        if (!elapsed) throw new OperationCanceledException(frame.Cancellation);
    }

    private async Task<(string?, JsonNode?)> RunWaitAsync(StateRun run, JsonNode? rawInput)
    {
        var state = run.State;
        var effective = InputPath(run, rawInput);
        var source = run.Source(effective);
        DateTimeOffset due;
        if (state.Seconds is not null)
        {
            due = Timestamps.After(clock.Now, JsonKit.AsDouble(state.Seconds));
        }
        else if (state.Timestamp is not null)
        {
            Timestamps.TryParse(state.Timestamp, out due);
        }
        else if (state.SecondsPath is not null)
        {
            var value = PayloadEvaluator.Resolve(Paths.JsonPath.Parse(state.SecondsPath), source, "SecondsPath", run.Prefix);
            if (!JsonKit.IsNumber(value) || !JsonKit.IsIntegerLiteral(value))
                throw new AslErrorException(ErrorNames.Runtime,
                    $"{run.ErrorPrefix()}The SecondsPath parameter cannot be parsed as a long value: {state.SecondsPath} == {JsonKit.Serialize(value)}");
            var seconds = JsonKit.AsDouble(value);
            if (seconds < 0)
                throw new AslErrorException(ErrorNames.Runtime,
                    $"{run.ErrorPrefix()}The SecondsPath parameter references a negative value: {state.SecondsPath} == {JsonKit.Serialize(value)}");
            due = Timestamps.After(clock.Now, seconds);
        }
        else
        {
            var value = PayloadEvaluator.Resolve(Paths.JsonPath.Parse(state.TimestampPath!), source, "TimestampPath", run.Prefix);
            if (JsonKit.AsString(value) is not { } text || !Timestamps.TryParse(text, out due))
                throw new AslErrorException(ErrorNames.Runtime,
                    $"{run.ErrorPrefix()}The TimestampPath parameter does not reference a valid ISO-8601 extended offset date-time format string: {state.TimestampPath} == {JsonKit.Serialize(value)}");
        }
        if (due > clock.Now) await SleepAsync(run.Frame, due);
        Assign(run, state.Assign, effective);
        return (state.Next, OutputPath(run, effective));
    }
}
