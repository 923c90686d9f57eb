namespace TrainingOrchestration.LocalRuntime.Runs;

/// <summary>One step of a run as it happens: a state entered or left, or an execution started or ended.</summary>
/// <param name="Kind">Entered, Succeeded, Failed, ExecutionStarted, ExecutionSucceeded, ExecutionFailed...</param>
public sealed record RunProgress(string StateMachine, string Execution, string Kind, string? State, DateTimeOffset Timestamp, string? Detail = null);
