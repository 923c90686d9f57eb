using Amazon.CDK;
using Amazon.CDK.AWS.IAM;
using Amazon.CDK.AWS.Pipes;
using Amazon.CDK.AWS.SQS;
using Constructs;
using TrainingOrchestration.Pipelines.Conventions;
using TrainingOrchestration.Pipelines.Spec;

namespace TrainingOrchestration.Infra.Ingress;

/// <summary>
/// The source half of the change Pipe for one CDC kind: the source ARN, its <c>SourceParameters</c> (batch size and window
/// from pipeline.yaml) and the least-privilege statements the Pipe's role needs to read it, as listed in
/// docs.aws.amazon.com/eventbridge/latest/userguide/eb-pipes-permissions.html. A source identity pipeline.yaml leaves out
/// becomes a stack parameter. CloudFormation names: aws-properties-pipes-pipe-pipesourcedynamodbstreamparameters.html,
/// -pipesourcemanagedstreamingkafkaparameters.html, -pipesourceselfmanagedkafkaparameters.html.
/// </summary>
public sealed record PipeSource(string Arn, CfnPipe.PipeSourceParametersProperty Parameters, IReadOnlyList<PolicyStatement> Statements)
{
    /// <summary>Stream retries before a batch goes to the dead-letter queue (the default, -1, retries until the record expires).</summary>
    public const int StreamRetryAttempts = 10;

    public static PipeSource For(Construct scope, PipelineSpec spec, IQueue? deadLetters)
    {
        var cdc = spec.Source.Cdc;
        return cdc.Kind switch
        {
            CdcKind.DynamoDbStream => DynamoDbStream(scope, cdc, deadLetters ?? throw new ArgumentNullException(nameof(deadLetters))),
            CdcKind.Debezium when cdc.Ingress.Kafka is { SelfManaged: true } kafka => SelfManagedKafka(scope, spec.Name, cdc, kafka),
            CdcKind.Debezium => ManagedKafka(scope, spec.Name, cdc, cdc.Ingress.Kafka ?? new KafkaSpec()),
            _ => throw new ArgumentException($"A {cdc.Kind} source is written by DMS, not read by a Pipe.", nameof(spec)),
        };
    }

    private static PipeSource DynamoDbStream(Construct scope, CdcSpec cdc, IQueue deadLetters)
    {
        var arn = cdc.Ingress.StreamArn is { } given ? SameAccountStream(scope, given) : Parameter(scope, StackParameters.SourceStreamArn, "The source table's DynamoDB stream ARN (LatestStreamArn).",
            @"arn:aws[a-z-]*:dynamodb:[a-z0-9-]+:\d{12}:table/[A-Za-z0-9_.-]{3,255}/stream/[^/\s]+");
        return new PipeSource(arn, new CfnPipe.PipeSourceParametersProperty
        {
            DynamoDbStreamParameters = new CfnPipe.PipeSourceDynamoDBStreamParametersProperty
            {
                StartingPosition = cdc.Ingress.StartingPosition,
                BatchSize = cdc.BatchSize,
                MaximumBatchingWindowInSeconds = cdc.BatchWindowSeconds,
                MaximumRetryAttempts = StreamRetryAttempts,
                DeadLetterConfig = new CfnPipe.DeadLetterConfigProperty { Arn = deadLetters.QueueArn },
            },
        },
        [
            Allow("ReadStream", [arn], "dynamodb:DescribeStream", "dynamodb:GetRecords", "dynamodb:GetShardIterator"),
            // ListStreams has no resource-level permission (docs: service-authorization reference, Amazon DynamoDB).
            Allow("ListStreams", ["*"], "dynamodb:ListStreams"),
            Allow("DeadLetters", [deadLetters.QueueArn], "sqs:SendMessage"),
        ]);
    }

    private static PipeSource ManagedKafka(Construct scope, string pipeline, CdcSpec cdc, KafkaSpec kafka)
    {
        var cluster = kafka.ClusterArn ?? Parameter(scope, StackParameters.KafkaClusterArn, "The Amazon MSK cluster Debezium writes to.",
            @"arn:aws[a-z-]*:kafka:[a-z0-9-]+:\d{12}:cluster/[A-Za-z0-9-]+/[A-Za-z0-9-]+");
        var topic = Topic(scope, kafka);
        var group = ConsumerGroup(pipeline, kafka);
        // MSK IAM access control resources: topic/<cluster name>/<cluster uuid>/<topic>, group/... (docs.aws.amazon.com/msk/latest/developerguide/kafka-actions.html).
        var parts = Fn.Split(":cluster/", cluster, 2);
        string Resource(string type, string name) => Fn.Join("", [parts[0], $":{type}/", parts[1], "/", name]);
        var statements = new List<PolicyStatement>
        {
            Allow("DescribeCluster", [cluster], "kafka:DescribeClusterV2", "kafka:GetBootstrapBrokers", "kafka-cluster:Connect", "kafka-cluster:DescribeClusterDynamicConfiguration"),
            Allow("ReadTopic", [Resource("topic", topic)], "kafka-cluster:DescribeTopic", "kafka-cluster:ReadData"),
            Allow("ConsumerGroup", [Resource("group", group)], "kafka-cluster:DescribeGroup", "kafka-cluster:AlterGroup"),
            NetworkInterfaces(),
        };
        if (kafka.SecretArn is { } secret) statements.Add(Allow("KafkaCredentials", [secret], "secretsmanager:GetSecretValue"));
        return new PipeSource(cluster, new CfnPipe.PipeSourceParametersProperty
        {
            ManagedStreamingKafkaParameters = new CfnPipe.PipeSourceManagedStreamingKafkaParametersProperty
            {
                TopicName = topic,
                StartingPosition = cdc.Ingress.StartingPosition,
                BatchSize = cdc.BatchSize,
                MaximumBatchingWindowInSeconds = cdc.BatchWindowSeconds,
                ConsumerGroupId = group,
                Credentials = kafka.SecretArn is null ? null : new CfnPipe.MSKAccessCredentialsProperty { SaslScram512Auth = kafka.SecretArn },
            },
        }, statements);
    }

    private static PipeSource SelfManagedKafka(Construct scope, string pipeline, CdcSpec cdc, KafkaSpec kafka)
    {
        var statements = new List<PolicyStatement>();
        if (kafka.SecretArn is { } secret) statements.Add(Allow("KafkaCredentials", [secret], "secretsmanager:GetSecretValue"));
        if (kafka.Subnets.Count > 0) statements.Add(NetworkInterfaces());
        // A self-managed cluster is named by one broker as smk://host:port (Pipes API, CreatePipe Source pattern).
        return new PipeSource("smk://" + kafka.BootstrapServers[0], new CfnPipe.PipeSourceParametersProperty
        {
            SelfManagedKafkaParameters = new CfnPipe.PipeSourceSelfManagedKafkaParametersProperty
            {
                TopicName = Topic(scope, kafka),
                AdditionalBootstrapServers = kafka.BootstrapServers.Skip(1).ToArray(),
                StartingPosition = cdc.Ingress.StartingPosition,
                BatchSize = cdc.BatchSize,
                MaximumBatchingWindowInSeconds = cdc.BatchWindowSeconds,
                ConsumerGroupId = ConsumerGroup(pipeline, kafka),
                Credentials = kafka.SecretArn is null ? null : new CfnPipe.SelfManagedKafkaAccessConfigurationCredentialsProperty { SaslScram512Auth = kafka.SecretArn },
                Vpc = kafka.Subnets.Count == 0 ? null : new CfnPipe.SelfManagedKafkaAccessConfigurationVpcProperty
                {
                    Subnets = kafka.Subnets.ToArray(),
                    SecurityGroup = kafka.SecurityGroups.ToArray(),
                },
            },
        }, statements);
    }

    /// <summary>
    /// <c>kafka.consumerGroup</c>, else the Pipe's name: a named group keeps the Pipe's offsets across updates and lets the
    /// role's <c>kafka-cluster:*Group</c> grant name one group instead of every group of the cluster.
    /// </summary>
    private static string ConsumerGroup(string pipeline, KafkaSpec kafka) => kafka.ConsumerGroup ?? ResourceNames.ChangePipe(pipeline);

    /// <summary>
    /// The stream ARN of pipeline.yaml written with the stack's own partition, Region and account, which the Pipe reads
    /// its stream source in, and a template rule that refuses a deployment to any other account or Region than the one
    /// the ARN names (CloudFormation rules: AWSCloudFormation/latest/UserGuide/rules-section-structure.html).
    /// </summary>
    private static string SameAccountStream(Construct scope, string streamArn)
    {
        var parts = streamArn.Split(':', 6);
        _ = new CfnRule(Stack.Of(scope), "SourceStreamAccount", new CfnRuleProps
        {
            Assertions =
            [
                new CfnRuleAssertion
                {
                    Assert = Fn.ConditionAnd(Fn.ConditionEquals(Aws.ACCOUNT_ID, parts[4]), Fn.ConditionEquals(Aws.REGION, parts[3])),
                    AssertDescription = $"source.cdc.streamArn names account {parts[4]} in {parts[3]}: deploy this pipeline's stack there.",
                },
            ],
        });
        return $"arn:{Aws.PARTITION}:dynamodb:{Aws.REGION}:{Aws.ACCOUNT_ID}:{parts[5]}";
    }

    private static string Topic(Construct scope, KafkaSpec kafka) =>
        kafka.Topic ?? Parameter(scope, StackParameters.KafkaTopic, "The Kafka topic Debezium writes the table's changes to.", @"[^.]([a-zA-Z0-9\-_.]+)");

    /// <summary>
    /// The Pipe connects to the brokers from their VPC through network interfaces it manages; these EC2 actions have no
    /// resource-level scope for the describe calls, so they are granted on * (as AWS's AWSLambdaMSKExecutionRole does).
    /// </summary>
    private static PolicyStatement NetworkInterfaces() => Allow("BrokerNetwork", ["*"],
        "ec2:CreateNetworkInterface", "ec2:DescribeNetworkInterfaces", "ec2:DeleteNetworkInterface",
        "ec2:DescribeVpcs", "ec2:DescribeSubnets", "ec2:DescribeSecurityGroups");

    private static string Parameter(Construct scope, string name, string description, string pattern) =>
        new CfnParameter(Stack.Of(scope), name, new CfnParameterProps { Type = "String", Description = description, AllowedPattern = pattern }).ValueAsString;

    private static PolicyStatement Allow(string sid, string[] resources, params string[] actions) =>
        new(new PolicyStatementProps { Sid = sid, Actions = actions, Resources = resources });
}
