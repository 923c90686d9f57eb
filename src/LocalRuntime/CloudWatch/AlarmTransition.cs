namespace TrainingOrchestration.LocalRuntime.CloudWatch;

/// <summary>An alarm's state change: when, from which state to which (OK, ALARM, INSUFFICIENT_DATA) and CloudWatch's reason.</summary>
public sealed record AlarmTransition(DateTimeOffset Time, string From, string To, string Reason);
