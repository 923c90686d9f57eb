namespace TrainingOrchestration.LocalRuntime.Events;

/// <summary>What one delivery did: the resource it created (an execution ARN, a message id) or why it failed.</summary>
public sealed record EventDelivery(string Rule, string TargetArn, string? Result, string? Error = null);
