using System.Text.Json.Nodes;
using TrainingOrchestration.Asl.Json;

namespace TrainingOrchestration.Asl.Runtime;

internal sealed partial class Interpreter
{
    private async Task<JsonNode?> RunParallelAsync(StateRun run, JsonNode? rawInput)
    {
        var state = run.State;
        var frame = run.Frame;
        var history = frame.Execution.History;
        var effective = EffectiveInput(run, rawInput);
        frame.PreviousEventId = history.Add("ParallelStateStarted", null, frame.PreviousEventId);
        var startedId = frame.PreviousEventId;
        var results = new JsonNode?[state.Branches.Count];
        var succeeded = new bool[state.Branches.Count];
        AslErrorException? failure = null;
        ChildGroup? group = null;
        group = new ChildGroup(clock, state.Branches.Count, 0, async (index, ct) =>
        {
            var key = $"{frame.Key}/{state.Name}#{index}";
            if (TryReuse(frame.Execution, key, out var reused))
            {
                results[index] = reused;
                succeeded[index] = true;
                return;
            }
            var branch = state.Branches[index];
            var child = new Frame
            {
                Execution = frame.Execution,
                Machine = branch,
                Variables = new VariableScope(frame.Variables),
                Cancellation = ct,
                Key = key,
                PreviousEventId = startedId,
            };
            try
            {
                var output = await RunMachineAsync(child, branch.StartAt, JsonKit.Clone(effective));
                results[index] = output;
                succeeded[index] = true;
            }
            catch (Exception thrown) when (thrown is not OperationCanceledException)
            {
                var e = AsStateError(thrown);
                lock (results) { failure ??= e; }
                group!.Abort();
            }
        }, frame.Cancellation);
        await group.RunAsync();
        if (failure is not null || frame.Cancellation.IsCancellationRequested)
            RememberSucceeded(frame.Execution, $"{frame.Key}/{state.Name}#", "", results, succeeded);
        frame.Cancellation.ThrowIfCancellationRequested();
        if (failure is not null)
        {
            frame.PreviousEventId = history.Add("ParallelStateFailed", new JsonObject { ["error"] = failure.Error, ["cause"] = failure.Cause }, frame.PreviousEventId);
            throw failure;
        }
        frame.PreviousEventId = history.Add("ParallelStateSucceeded", null, frame.PreviousEventId);
        return FinishResult(run, rawInput, new JsonArray(results));
    }

    /// <summary>ResultSelector, ResultPath and Assign for states that produce a result (Task, Parallel, Map).</summary>
    private JsonNode? FinishResult(StateRun run, JsonNode? rawInput, JsonNode? result)
    {
        var state = run.State;
        if (state.IsJsonata) return JsonataFinish(run, JsonataFor(run, rawInput, result, hasResult: true), result);
        if (state.ResultSelector is not null) result = PayloadEvaluator.Evaluate(state.ResultSelector, run.Source(result), state.Name, run.Prefix);
        var output = ResultPath(run, rawInput, result, state.HasResultPath, state.ResultPath);
        Assign(run, state.Assign, result);
        return OutputPath(run, output);
    }

    /// <summary>An engine defect inside a child must fail the execution visibly, not vanish with its task.</summary>
    private static AslErrorException AsStateError(Exception thrown) => thrown as AslErrorException
        ?? new AslErrorException(ErrorNames.Runtime, $"Internal error of the local engine: {thrown.GetType().Name}: {thrown.Message}");

    /// <summary>InputPath then Parameters (JSONPath), or Arguments (JSONata).</summary>
    private JsonNode? EffectiveInput(StateRun run, JsonNode? rawInput)
    {
        var state = run.State;
        if (state.IsJsonata)
            return state.Arguments is null ? rawInput : JsonataField(run, state.Arguments, JsonataFor(run, rawInput), "Arguments");
        var effective = InputPath(run, rawInput);
        return state.Parameters is null ? effective : PayloadEvaluator.Evaluate(state.Parameters, run.Source(effective), state.Name, run.Prefix);
    }

    private static bool TryReuse(ExecutionRecord execution, string key, out JsonNode? result)
    {
        if (execution.RedriveCount > 0 && execution.HasCompletedChildren && execution.CompletedChildren.TryGetValue(key, out var stored))
        {
            result = JsonKit.Clone(stored);
            return true;
        }
        result = null;
        return false;
    }

    /// <summary>
    /// When a Map or Parallel fails or is stopped, keeps the results of the children that succeeded so a redrive
    /// reruns only the others (kept only then: a state that succeeds is never rerun by a redrive).
    /// </summary>
    private static void RememberSucceeded(ExecutionRecord execution, string keyPrefix, string keySuffix, JsonNode?[] results, bool[] succeeded)
    {
        if (execution.Machine.Type != StateMachineType.Standard) return;
        for (var i = 0; i < results.Length; i++)
        {
            if (Volatile.Read(ref succeeded[i])) execution.CompletedChildren[$"{keyPrefix}{i}{keySuffix}"] = JsonKit.Clone(results[i]);
        }
    }
}
