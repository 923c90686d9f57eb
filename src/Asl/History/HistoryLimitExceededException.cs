namespace TrainingOrchestration.Asl.Runtime;

/// <summary>
/// A state tried to add an event past the execution's 25,000-event history. The engine has already failed the
/// execution (States.Runtime); this stops the state's own work as a cancellation does, and no Retry or Catch sees it.
/// </summary>
internal sealed class HistoryLimitExceededException() : OperationCanceledException(ExecutionHistory.LimitCause);
