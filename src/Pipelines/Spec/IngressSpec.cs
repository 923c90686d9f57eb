namespace TrainingOrchestration.Pipelines.Spec;

/// <summary>
/// Where the stack's ingress reads the source table's changes (the ingress keys of <c>source.cdc</c>). A source
/// identity left out of pipeline.yaml (the stream ARN, the MSK cluster ARN, the topic) becomes a CloudFormation
/// parameter of the stack, given at deploy time, so a pipeline can be tried offline before its source exists.
/// </summary>
public sealed record IngressSpec
{
    /// <summary><c>dynamodb-stream</c>: the source table's stream (<c>cdc.streamArn</c>), read by the Pipe.</summary>
    public string? StreamArn { get; init; }

    /// <summary>Where a new Pipe starts reading the stream or topic (<c>cdc.startingPosition</c>: TRIM_HORIZON or LATEST).</summary>
    public string StartingPosition { get; init; } = "TRIM_HORIZON";

    /// <summary><c>debezium</c>: the Kafka topic Debezium writes and how to reach it (<c>cdc.kafka</c>).</summary>
    public KafkaSpec? Kafka { get; init; }

    /// <summary><c>s3-files</c>: the file format of the DMS S3 target endpoint the stack creates (<c>cdc.dms.format</c>).</summary>
    public DmsFileFormat DmsFormat { get; init; } = DmsFileFormat.Parquet;
}
