using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using TrainingOrchestration.Asl.Definition;
using TrainingOrchestration.Asl.Json;
using TrainingOrchestration.Asl.Runtime;

namespace TrainingOrchestration.Asl;

/// <summary>
/// The local Step Functions service: state machines, executions, task tokens and history, run in process
/// on an <see cref="IClock"/>. Methods mirror the Step Functions API and fail with
/// <see cref="StepFunctionsApiException"/> carrying AWS's error code.
/// </summary>
public sealed partial class StepFunctionsEngine
{
    private readonly Dictionary<string, StateMachineRecord> _machines = new(StringComparer.Ordinal);
    private readonly Dictionary<string, ExecutionRecord> _executions = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<Action>> _finishedCallbacks = new(StringComparer.Ordinal);
    private readonly object _gate = new();
    private readonly ClockDriver _clock;
    private readonly TokenRegistry _tokens;
    private readonly Interpreter _interpreter;

    public StepFunctionsEngine(IClock clock, TaskDispatcher? dispatcher = null)
    {
        Clock = clock;
        Dispatcher = dispatcher ?? new TaskDispatcher();
        _clock = new ClockDriver(clock);
        _tokens = new TokenRegistry(_clock);
        _interpreter = new Interpreter(this, _clock, _tokens);
        BuiltIns = new TaskDispatcher()
            .Add(new Integrations.StepFunctionsIntegration(this))
            .Add(new Integrations.StepFunctionsSdkIntegration(this));
    }

    public IClock Clock { get; }

    /// <summary>Where Task states go; add integrations here. The engine's own states/sfn integrations answer when none of these does.</summary>
    public TaskDispatcher Dispatcher { get; }

    internal TaskDispatcher BuiltIns { get; }

    internal ActivityQueues Activities { get; } = new();

    public string Region { get; init; } = "us-east-1";

    public string AccountId { get; init; } = "123456789012";

    /// <summary>The role recorded as the execution's RoleArn ($$.Execution.RoleArn).</summary>
    public string RoleArn { get; init; } = "arn:aws:iam::123456789012:role/StepFunctionsLocal";

    /// <summary>Validates and registers a definition; the same name with the same definition returns the same ARN.</summary>
    /// <exception cref="AslDefinitionException">The definition is one AWS would reject.</exception>
    public string CreateStateMachine(string name, string definitionJson, StateMachineType type = StateMachineType.Standard)
    {
        ValidateName(name);
        var spec = DefinitionParser.Parse(definitionJson);
        ValidateResources(spec, type);
        var arn = $"arn:aws:states:{Region}:{AccountId}:stateMachine:{name}";
        lock (_gate)
        {
            if (_machines.TryGetValue(arn, out var existing))
            {
                if (existing.DefinitionJson == definitionJson && existing.Type == type) return arn;
                throw new StepFunctionsApiException("StateMachineAlreadyExists", $"State Machine Already Exists: '{arn}'");
            }
            _machines[arn] = new StateMachineRecord(arn, name, definitionJson, spec, type, _clock.Now, RoleArn);
        }
        return arn;
    }

    /// <summary>Replaces a state machine's definition; running executions keep the one they started with.</summary>
    public void UpdateStateMachine(string stateMachineArn, string definitionJson)
    {
        var spec = DefinitionParser.Parse(definitionJson);
        lock (_gate)
        {
            var machine = FindMachine(stateMachineArn);
            ValidateResources(spec, machine.Type);
            _machines[stateMachineArn] = machine with { DefinitionJson = definitionJson, Spec = spec };
        }
    }

    public Task<StartExecutionResult> StartExecutionAsync(string stateMachineArn, string? name, string? input, ExecutionOptions? options = null)
    {
        var result = StartExecution(stateMachineArn, name, input, options);
        return Task.FromResult(result);
    }

    /// <summary>Starts an execution; with a Standard machine the same name and input as a running execution returns that execution.</summary>
    public StartExecutionResult StartExecution(string stateMachineArn, string? name, string? input, ExecutionOptions? options = null)
    {
        var inputText = string.IsNullOrWhiteSpace(input) ? "{}" : input;
        JsonNode? parsed;
        try
        {
            parsed = JsonKit.Parse(inputText);
        }
        catch (System.Text.Json.JsonException e)
        {
            throw new StepFunctionsApiException("InvalidExecutionInput", $"Invalid execution input: {e.Message}");
        }
        if (System.Text.Encoding.UTF8.GetByteCount(inputText) > Interpreter.PayloadLimitBytes)
            throw new StepFunctionsApiException("InvalidExecutionInput", "The execution input exceeds the maximum size of 262144 bytes.");
        name ??= Guid.NewGuid().ToString();
        ValidateName(name);
        ExecutionRecord record;
        lock (_gate)
        {
            var machine = FindMachine(stateMachineArn);
            if (options?.MockConfig is { } mocks && options.TestCase is { } testCase && !mocks.HasTestCase(options.MockStateMachineName ?? machine.Name, testCase))
            {
                throw new StepFunctionsApiException("ValidationException",
                    $"MockConfigFile has no test case '{testCase}' under state machine '{options.MockStateMachineName ?? machine.Name}'.");
            }
            var arn = machine.Type == StateMachineType.Express
                ? $"arn:aws:states:{Region}:{AccountId}:express:{machine.Name}:{name}:{Guid.NewGuid()}"
                : $"arn:aws:states:{Region}:{AccountId}:execution:{machine.Name}:{name}";
            if (_executions.TryGetValue(arn, out var existing))
            {
                if (existing.Status == ExecutionStatus.Running && existing.InputText == inputText)
                    return new StartExecutionResult(existing.Arn, existing.StartDate);
                throw new StepFunctionsApiException("ExecutionAlreadyExists", $"Execution Already Exists: '{arn}'");
            }
            record = new ExecutionRecord
            {
                Arn = arn,
                Name = name,
                Machine = machine,
                InputText = inputText,
                Input = parsed,
                StartDate = _clock.Now,
                History = new ExecutionHistory(_clock),
                Options = options ?? new ExecutionOptions(),
            };
            _executions[arn] = record;
        }
        FailAtHistoryLimit(record);
        // Details made when the history is read: a blocked execution keeps only the input text and the shape.
        record.History.RecordShaped("ExecutionStarted", new EventDetails.ExecutionStartedShape(record.Machine.RoleArn), inputText, 0);
        RaiseStatusChanged(record);
        Launch(record, record.Definition.StartAt, parsed, new VariableScope(null));
        return new StartExecutionResult(record.Arn, record.StartDate);
    }

    /// <summary>The ARN of an activity (Task states with this Resource wait for a worker).</summary>
    public string CreateActivity(string name)
    {
        ValidateName(name);
        return $"arn:aws:states:{Region}:{AccountId}:activity:{name}";
    }

    /// <summary>
    /// Waits for the next scheduled task of an activity. The worker answers with SendTaskSuccess/Failure/Heartbeat;
    /// on a virtual clock it should hold the clock (<see cref="VirtualClock.Hold"/>) while it works.
    /// </summary>
    public Task<ActivityTask> GetActivityTaskAsync(string activityArn, string? workerName = null, CancellationToken cancellationToken = default) =>
        Activities.TakeAsync(activityArn, workerName, cancellationToken);

    public void SendTaskSuccess(string taskToken, string output)
    {
        var parsed = TokenWaiter.ParseOutput(output);
        _tokens.Complete(taskToken, new TaskOutcome(TaskOutcomeKind.Succeeded, parsed));
    }

    public void SendTaskFailure(string taskToken, string? error, string? cause) =>
        _tokens.Complete(taskToken, new TaskOutcome(TaskOutcomeKind.Failed, Error: error ?? "", Cause: cause ?? ""));

    public void SendTaskHeartbeat(string taskToken) => _tokens.Find(taskToken).Beat();

    public DateTimeOffset StopExecution(string executionArn, string? error = null, string? cause = null)
    {
        var record = FindExecution(executionArn);
        Close(record, ExecutionStatus.Aborted, null, error, cause);
        return record.StopDate ?? _clock.Now;
    }

    public ExecutionDescription DescribeExecution(string executionArn) => FindExecution(executionArn).Describe();

    public IReadOnlyList<HistoryEvent> GetExecutionHistory(string executionArn) => FindExecution(executionArn).History.Snapshot();

    public IReadOnlyList<ExecutionDescription> ListExecutions(string stateMachineArn)
    {
        lock (_gate)
        {
            FindMachine(stateMachineArn);
            return _executions.Values.Where(e => e.Machine.Arn == stateMachineArn).Select(e => e.Describe()).ToList();
        }
    }

    public async Task<ExecutionDescription> WaitForCompletionAsync(string executionArn, CancellationToken cancellationToken = default)
    {
        while (true)
        {
            var record = FindExecution(executionArn);
            Task completion;
            PendingStart? start;
            lock (record.Gate) { start = record.PendingStart; }
            // Not picked up by the thread pool yet: run it here, up to its first wait (no thread hop to start it, and
            // none back to this waiter when it ends without waiting).
            start?.RunHere();
            lock (record.Gate) { completion = record.Completion.Task; }
            await completion.WaitAsync(cancellationToken);
            lock (record.Gate)
            {
                if (record.Status != ExecutionStatus.Running) return record.Describe();
            }
        }
    }

    /// <summary>Calls <paramref name="callback"/> (synchronously, while the finishing strand still holds the clock) when the execution closes.</summary>
    internal void OnFinished(string executionArn, Action callback)
    {
        var record = FindExecution(executionArn);
        lock (record.Gate)
        {
            if (record.Status == ExecutionStatus.Running)
            {
                lock (_finishedCallbacks)
                {
                    if (!_finishedCallbacks.TryGetValue(executionArn, out var list)) _finishedCallbacks[executionArn] = list = [];
                    list.Add(callback);
                }
                return;
            }
        }
        callback();
    }

    internal ExecutionOptions? DescribeExecutionRecordOptions(string executionArn)
    {
        lock (_gate) { return _executions.TryGetValue(executionArn, out var record) ? record.Options : null; }
    }

    private StateMachineRecord FindMachine(string arn)
    {
        lock (_gate)
        {
            return _machines.TryGetValue(arn, out var machine)
                ? machine
                : throw new StepFunctionsApiException("StateMachineDoesNotExist", $"State Machine Does Not Exist: '{arn}'");
        }
    }

    private ExecutionRecord FindExecution(string arn)
    {
        lock (_gate)
        {
            return _executions.TryGetValue(arn, out var record)
                ? record
                : throw new StepFunctionsApiException("ExecutionDoesNotExist", $"Execution Does Not Exist: '{arn}'");
        }
    }
}
