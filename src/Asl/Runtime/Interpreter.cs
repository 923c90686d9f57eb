using System.Text.Json.Nodes;
using TrainingOrchestration.Asl.Definition;
using TrainingOrchestration.Asl.Json;
using TrainingOrchestration.Asl.Paths;

namespace TrainingOrchestration.Asl.Runtime;

/// <summary>
/// Runs states the way Step Functions does: input processing (InputPath, Parameters), the state's work,
/// result processing (ResultSelector, ResultPath, Assign, OutputPath), Retry and Catch, and history events.
/// Each running frame holds the clock; it lets go only while blocked on a timer, a token or its children.
/// </summary>
internal sealed partial class Interpreter(StepFunctionsEngine engine, ClockDriver clock, TokenRegistry tokens)
{
    public const int PayloadLimitBytes = 256 * 1024;

    public StepFunctionsEngine Engine => engine;

    /// <summary>Runs a machine from <paramref name="startAt"/> until it ends; failures surface as <see cref="AslErrorException"/>.</summary>
    public async Task<JsonNode?> RunMachineAsync(Frame frame, string startAt, JsonNode? input)
    {
        var name = startAt;
        var current = input;
        // A state's output text (its StateExited event) is the next state's input text: serialized once.
        string? currentText = null;
        while (true)
        {
            frame.Cancellation.ThrowIfCancellationRequested();
            var state = frame.Machine[name];
            if (frame.TopLevel)
            {
                // Kept as text: the state may reuse its input node for its output (ResultPath), and a redrive needs the input as it was.
                currentText ??= JsonKit.Serialize(current);
                frame.Execution.Checkpoint = (name, currentText, frame.Variables);
            }
            var (next, output, outputText) = await RunStateAsync(frame, state, current, currentText);
            if (next is null) return output;
            name = next;
            current = output;
            currentText = outputText;
        }
    }

    private async ValueTask<(string? Next, JsonNode? Output, string OutputText)> RunStateAsync(Frame frame, StateSpec state, JsonNode? rawInput, string? inputText)
    {
        var history = frame.Execution.History;
        inputText ??= JsonKit.Serialize(rawInput);
        var entered = history.RecordState(state.EnteredEventType, state.Name, inputText, entered: true, frame.PreviousEventId);
        frame.PreviousEventId = entered;
        var run = new StateRun(frame, state, clock.Now, entered)
        {
            Clock = clock.Clock,
            InputText = inputText,
            InputOwned = ReferenceEquals(frame.OwnedOutput, rawInput) && rawInput is not null,
        };
        frame.OwnedOutput = null;
        (string? Next, JsonNode? Output) result = (state.IsJsonata, state.Type) switch
        {
            (true, "Pass") => RunJsonataPass(run, rawInput),
            (true, "Choice") => RunJsonataChoice(run, rawInput),
            (true, "Wait") => await RunJsonataWaitAsync(run, rawInput),
            (true, "Succeed") => (null, JsonataFinish(run, JsonataFor(run, rawInput), rawInput)),
            (true, "Fail") => throw RunJsonataFail(run, rawInput),
            (_, "Pass") => RunPass(run, rawInput),
            (_, "Choice") => RunChoice(run, rawInput),
            (_, "Wait") => await RunWaitAsync(run, rawInput),
            (_, "Succeed") => (null, OutputPath(run, InputPath(run, rawInput))),
            (_, "Fail") => throw RunFail(run, rawInput),
            _ => await RunWithRecoveryAsync(run, rawInput),
        };
        var outputText = ReferenceEquals(result.Output, rawInput) && !run.InputModified ? inputText : JsonKit.Serialize(result.Output);
        // An output written the same as the input (a ResultPath that stored the value it already held, a Choice) shares
        // the input's string: the history keeps every state's text for the whole execution.
        if (outputText.Length == inputText.Length && !ReferenceEquals(outputText, inputText) && string.Equals(outputText, inputText, StringComparison.Ordinal))
            outputText = inputText;
        if (run.OwnedRoot is { } root && ReferenceEquals(root, result.Output)) frame.OwnedOutput = root;
        if (state.Type is "Pass" or "Task" or "Map" or "Parallel") CheckSize(run, outputText);
        CommitAssignments(run);
        frame.PreviousEventId = history.RecordState(state.ExitedEventType, state.Name, outputText, entered: false, frame.PreviousEventId);
        return (result.Next, result.Output, outputText);
    }

    private (string?, JsonNode?) RunPass(StateRun run, JsonNode? rawInput)
    {
        var state = run.State;
        var effective = InputPath(run, rawInput);
        if (state.Parameters is not null) effective = PayloadEvaluator.Evaluate(state.Parameters, run.Source(effective), state.Name, run.Prefix);
        var result = state.HasResult ? JsonKit.Clone(state.Result) : effective;
        var output = ResultPath(run, rawInput, result, state.HasResultPath, state.ResultPath);
        Assign(run, state.Assign, result);
        return (state.Next, OutputPath(run, output));
    }

    private (string?, JsonNode?) RunChoice(StateRun run, JsonNode? rawInput)
    {
        var state = run.State;
        var effective = InputPath(run, rawInput);
        var source = run.Source(effective);
        for (var i = 0; i < state.Choices.Count; i++)
        {
            var branch = state.Choices[i];
            if (!ChoiceEvaluator.Evaluate(branch.Rule!, source, run.Prefix)) continue;
            Assign(run, branch.Assign, effective);
            Assign(run, state.Assign, effective);
            return (branch.Next, OutputPath(run, effective));
        }
        if (state.Default is null)
            throw new AslErrorException(ErrorNames.NoChoiceMatched, $"{run.ErrorPrefix()}No Matches!");
        Assign(run, state.Assign, effective);
        return (state.Default, OutputPath(run, effective));
    }

    private AslErrorException RunFail(StateRun run, JsonNode? rawInput)
    {
        var state = run.State;
        var source = run.Source(rawInput);
        var error = state.Error ?? (state.ErrorPath is null ? null : FailField(run, source, state.ErrorPath, "ErrorPath"));
        var cause = state.Cause ?? (state.CausePath is null ? null : FailField(run, source, state.CausePath, "CausePath"));
        return new AslErrorException(error, cause);
    }

    private static string? FailField(StateRun run, ValueSource source, string expression, string field)
    {
        var value = PayloadEvaluator.EvaluateExpression(expression, source, field, run.Prefix);
        return JsonKit.AsString(value) ?? throw new AslErrorException(ErrorNames.Runtime,
            $"{run.ErrorPrefix()}The {field} field resolved to a value that is not a string: {JsonKit.Serialize(value)}");
    }

    internal JsonNode? InputPath(StateRun run, JsonNode? rawInput)
    {
        var state = run.State;
        if (state.IsJsonata) return rawInput;
        if (!state.HasInputPath || state.InputPath == "$") return rawInput;
        if (state.InputPath is null) return new JsonObject();
        return SelectPath(run, rawInput, state.InputPath, "InputPath");
    }

    internal JsonNode? OutputPath(StateRun run, JsonNode? output)
    {
        var state = run.State;
        if (!state.HasOutputPath || state.OutputPath == "$") return output;
        if (state.OutputPath is null) return new JsonObject();
        return SelectPath(run, output, state.OutputPath, "OutputPath");
    }

    private static JsonNode? SelectPath(StateRun run, JsonNode? input, string pathText, string field)
    {
        var path = JsonPath.Parse(pathText);
        if (run.Source(input).TryResolve(path, out var value)) return JsonKit.Detach(value);
        throw new AslErrorException(ErrorNames.Runtime,
            $"{run.ErrorPrefix()}Invalid path '{pathText}' : No results for path: {path.Normalized()}");
    }

    internal static JsonNode? ResultPath(StateRun run, JsonNode? rawInput, JsonNode? result, bool hasResultPath, string? resultPath)
    {
        if (!hasResultPath || resultPath == "$") return result;
        if (resultPath is null) return rawInput;
        var path = JsonPath.Parse(resultPath);
        if (path.Root != PathRoot.Input)
            throw new AslErrorException(ErrorNames.Runtime, $"{run.ErrorPrefix()}Invalid ResultPath '{resultPath}': it must start with '$.'.");
        var root = rawInput is not JsonObject ? null : InPlace(run, rawInput, result, path) ? rawInput : rawInput.DeepClone();
        if (root is null)
        {
            throw new AslErrorException(ErrorNames.Runtime,
                $"{run.ErrorPrefix()}Invalid input for ResultPath '{resultPath}': the state input is not a JSON object: {JsonKit.Serialize(rawInput)}");
        }
        var parent = root;
        for (var i = 0; i < path.Segments.Count; i++)
        {
            var segment = path.Segments[i];
            var last = i == path.Segments.Count - 1;
            if (segment.Kind == SegmentKind.Names && parent is JsonObject obj)
            {
                var key = segment.Names![0];
                if (last)
                {
                    obj[key] = JsonKit.Detach(result);
                    break;
                }
                if (obj[key] is not JsonObject and not JsonArray) obj[key] = new JsonObject();
                parent = obj[key]!;
            }
            else if (segment.Kind == SegmentKind.Indexes && parent is JsonArray arr)
            {
                var index = segment.Indexes![0];
                if (index < 0) index += arr.Count;
                if (index < 0 || index >= arr.Count)
                    throw new AslErrorException(ErrorNames.Runtime, $"{run.ErrorPrefix()}Invalid ResultPath '{resultPath}': index {segment.Indexes[0]} is out of range.");
                if (last)
                {
                    arr[index] = JsonKit.Detach(result);
                    break;
                }
                parent = arr[index] ?? (arr[index] = new JsonObject())!;
            }
            else
            {
                throw new AslErrorException(ErrorNames.Runtime,
                    $"{run.ErrorPrefix()}Invalid ResultPath '{resultPath}': it does not match the structure of the state input.");
            }
        }
        run.OwnedRoot = root;
        return root;
    }

    /// <summary>
    /// Whether ResultPath may write into the state input itself instead of a copy: only when the input is the object the
    /// previous state's ResultPath built in this frame (<see cref="StateRun.InputOwned"/>: nothing else refers to it;
    /// the history and the redrive checkpoint keep its text), the result is not the input itself, and the path has only
    /// names (so it cannot fail after it has started to write).
    /// </summary>
    private static bool InPlace(StateRun run, JsonNode rawInput, JsonNode? result, JsonPath path)
    {
        if (!run.InputOwned || rawInput.Parent is not null || ReferenceEquals(result, rawInput)) return false;
        for (var i = 0; i < path.Segments.Count; i++)
        {
            if (path.Segments[i] is not { Kind: SegmentKind.Names, Names.Length: 1 }) return false;
        }
        run.InputModified = true;
        return true;
    }

    /// <summary>
    /// Evaluates every Assign expression now; the variables change only when the state has finished
    /// (<see cref="CommitAssignments"/>), so the state's own OutputPath still sees the old values, as on AWS.
    /// </summary>
    internal static void Assign(StateRun run, JsonNode? assign, JsonNode? input)
    {
        if (assign is not JsonObject obj) return;
        var values = (JsonObject)PayloadEvaluator.Evaluate(obj, run.Source(input), run.State.Name, run.Prefix)!;
        run.PendingAssignments.Add(values);
    }

    private static void CommitAssignments(StateRun run)
    {
        if (!run.HasPendingAssignments) return;
        foreach (var values in run.PendingAssignments)
        {
            foreach (var (key, value) in values.ToList())
            {
                values.Remove(key);
                run.Frame.Variables.Set(key, value);
            }
        }
        run.PendingAssignments.Clear();
    }

    private static void CheckSize(StateRun run, string outputText)
    {
        if (outputText.Length * 3 > PayloadLimitBytes && System.Text.Encoding.UTF8.GetByteCount(outputText) > PayloadLimitBytes)
        {
            throw new AslErrorException(ErrorNames.DataLimitExceeded,
                $"The state/task '{run.State.Name}' returned a result with a size exceeding the maximum number of bytes service limit.");
        }
    }
}
