namespace TrainingOrchestration.LocalRuntime.Sns;

/// <summary>A message published to a local topic: where, when, what.</summary>
public sealed record PublishedMessage(string MessageId, string TopicArn, string? Subject, string Message, DateTimeOffset PublishedAt);
