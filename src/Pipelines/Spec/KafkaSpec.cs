namespace TrainingOrchestration.Pipelines.Spec;

/// <summary>
/// The Kafka topic Debezium writes a table's changes to, read by an EventBridge Pipe: Amazon MSK
/// (<see cref="ClusterArn"/>, IAM or SASL/SCRAM-512 authentication) or self-managed Kafka (<see cref="BootstrapServers"/>,
/// optionally inside a VPC). Field names follow PipeSourceManagedStreamingKafkaParameters and
/// PipeSourceSelfManagedKafkaParameters (docs.aws.amazon.com/eventbridge/latest/pipes-reference/).
/// </summary>
public sealed record KafkaSpec
{
    /// <summary>The topic (<c>kafka.topic</c>); null: the stack's <c>KafkaTopic</c> parameter.</summary>
    public string? Topic { get; init; }

    /// <summary>MSK: the cluster (<c>kafka.clusterArn</c>); null and no bootstrap servers: the <c>KafkaClusterArn</c> parameter.</summary>
    public string? ClusterArn { get; init; }

    /// <summary>Self-managed Kafka: <c>host:port</c> brokers (<c>kafka.bootstrapServers</c>); empty for MSK.</summary>
    public IReadOnlyList<string> BootstrapServers { get; init; } = [];

    /// <summary>Secrets Manager secret with SASL/SCRAM-512 credentials (<c>kafka.secretArn</c>); null: IAM (MSK) or none.</summary>
    public string? SecretArn { get; init; }

    /// <summary>The consumer group the Pipe joins (<c>kafka.consumerGroup</c>); null: the Pipe's default.</summary>
    public string? ConsumerGroup { get; init; }

    /// <summary>Self-managed Kafka inside a VPC: the subnets and security groups the Pipe connects from.</summary>
    public IReadOnlyList<string> Subnets { get; init; } = [];

    public IReadOnlyList<string> SecurityGroups { get; init; } = [];

    public bool SelfManaged => BootstrapServers.Count > 0;
}
