namespace TrainingOrchestration.Asl;

public sealed record StartExecutionResult(string ExecutionArn, DateTimeOffset StartDate);
