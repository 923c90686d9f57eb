namespace TrainingOrchestration.Tasks.Events;

/// <summary>Detail of an EventBridge "Scheduled Event": always the empty object.</summary>
public sealed record ScheduledEventDetail;
