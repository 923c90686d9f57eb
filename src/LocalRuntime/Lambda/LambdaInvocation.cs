namespace TrainingOrchestration.LocalRuntime.Lambda;

/// <summary>A recorded invocation: which function, how long, whether it failed, and what it logged.</summary>
public sealed record LambdaInvocation(string Function, string RequestId, DateTimeOffset Started, TimeSpan Duration, string? FunctionError, string Log);
