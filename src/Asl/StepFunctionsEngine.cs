using System.Text.Json.Nodes;

namespace TrainingOrchestration.Asl;

/// <summary>
/// The local Step Functions service: state machines, executions, task tokens and history, run in process
/// on an <see cref="IClock"/>. Methods mirror the Step Functions API and fail with
/// <see cref="StepFunctionsApiException"/> carrying AWS's error code.
/// </summary>
public sealed partial class StepFunctionsEngine
{
    public StepFunctionsEngine(IClock clock, TaskDispatcher? dispatcher = null)
    {
        Clock = clock;
        Dispatcher = dispatcher ?? new TaskDispatcher();
    }

    public IClock Clock { get; }

    /// <summary>Where Task states go; add integrations here (the engine's own states/sfn integrations are built in).</summary>
    public TaskDispatcher Dispatcher { get; }

    public string Region { get; init; } = "us-east-1";

    public string AccountId { get; init; } = "123456789012";

    /// <summary>The role recorded as the execution's RoleArn ($$.Execution.RoleArn).</summary>
    public string RoleArn { get; init; } = "arn:aws:iam::123456789012:role/StepFunctionsLocal";

    /// <summary>Validates and registers a definition; the same name with the same definition returns the same ARN.</summary>
    /// <exception cref="AslDefinitionException">The definition is one AWS would reject.</exception>
    public string CreateStateMachine(string name, string definitionJson, StateMachineType type = StateMachineType.Standard)
        => throw new NotImplementedException();

    public Task<StartExecutionResult> StartExecutionAsync(string stateMachineArn, string? name, string? input, ExecutionOptions? options = null)
        => throw new NotImplementedException();

    public void SendTaskSuccess(string taskToken, string output) => throw new NotImplementedException();

    public void SendTaskFailure(string taskToken, string? error, string? cause) => throw new NotImplementedException();

    public void SendTaskHeartbeat(string taskToken) => throw new NotImplementedException();

    public DateTimeOffset StopExecution(string executionArn, string? error = null, string? cause = null) => throw new NotImplementedException();

    public ExecutionDescription DescribeExecution(string executionArn) => throw new NotImplementedException();

    public IReadOnlyList<HistoryEvent> GetExecutionHistory(string executionArn) => throw new NotImplementedException();

    /// <summary>Restarts a failed, timed-out or aborted Standard execution from the states that did not succeed.</summary>
    public DateTimeOffset RedriveExecution(string executionArn) => throw new NotImplementedException();

    public Task<ExecutionDescription> WaitForCompletionAsync(string executionArn, CancellationToken cancellationToken = default)
        => throw new NotImplementedException();

    public IReadOnlyList<ExecutionDescription> ListExecutions(string stateMachineArn) => throw new NotImplementedException();
}
