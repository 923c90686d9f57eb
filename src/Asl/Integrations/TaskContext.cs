namespace TrainingOrchestration.Asl;

/// <summary>Where a task runs: which execution, which state, which attempt, and the engine's clock.</summary>
/// <remarks>
/// The engine holds a <see cref="VirtualClock"/> while a handler runs, so virtual time stands still during real
/// work. A handler that must wait on virtual time (a simulated job polling every minute) uses
/// <see cref="DelayUntilAsync"/>, which lets the clock go while it waits; awaiting <see cref="IClock.DelayUntil"/>
/// directly inside a handler would wait forever on a virtual clock.
/// </remarks>
public sealed record TaskContext(
    string ExecutionArn,
    string StateMachineArn,
    string StateName,
    int RetryCount,
    IClock Clock,
    StepFunctionsEngine Engine)
{
    internal Func<DateTimeOffset, CancellationToken, Task>? Delay { get; init; }

    internal Func<string, CancellationToken, Task<ExecutionDescription>>? AwaitExecution { get; init; }

    /// <summary>Waits until <paramref name="due"/> on the engine's clock, letting virtual time advance meanwhile.</summary>
    public Task DelayUntilAsync(DateTimeOffset due, CancellationToken cancellationToken = default) =>
        Delay is null ? Clock.DelayUntil(due, cancellationToken) : Delay(due, cancellationToken);

    /// <summary>Waits for another execution of the engine to finish, letting virtual time advance meanwhile (for <c>.sync</c>).</summary>
    public Task<ExecutionDescription> WaitForExecutionAsync(string executionArn, CancellationToken cancellationToken = default) =>
        AwaitExecution is null ? Engine.WaitForCompletionAsync(executionArn, cancellationToken) : AwaitExecution(executionArn, cancellationToken);
}
