namespace TrainingOrchestration.LocalRuntime.Sns;

/// <summary>One message delivered to one subscription (locally nothing leaves the machine; the delivery is recorded).</summary>
public sealed record SnsDelivery(string SubscriptionArn, string TopicArn, string Protocol, string Endpoint, string MessageId, string? Subject, DateTimeOffset DeliveredAt);
