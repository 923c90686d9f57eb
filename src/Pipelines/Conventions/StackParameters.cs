namespace TrainingOrchestration.Pipelines.Conventions;

/// <summary>
/// The CloudFormation parameters a pipeline's stack declares for a source identity its pipeline.yaml leaves out
/// (infra/Ingress): given at deploy time on AWS, given by the local runtime as names of its change replay offline.
/// </summary>
public static class StackParameters
{
    /// <summary>A <c>dynamodb-stream</c> source's stream ARN.</summary>
    public const string SourceStreamArn = "SourceStreamArn";

    /// <summary>An MSK <c>debezium</c> source's cluster ARN.</summary>
    public const string KafkaClusterArn = "KafkaClusterArn";

    /// <summary>A <c>debezium</c> source's topic.</summary>
    public const string KafkaTopic = "KafkaTopic";
}
