namespace TrainingOrchestration.Asl;

/// <summary>Where a task runs: which execution, which state, which attempt, and the engine's clock.</summary>
public sealed record TaskContext(
    string ExecutionArn,
    string StateMachineArn,
    string StateName,
    int RetryCount,
    IClock Clock,
    StepFunctionsEngine Engine);
