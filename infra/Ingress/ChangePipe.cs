using Amazon.CDK;
using Amazon.CDK.AWS.CloudWatch;
using Amazon.CDK.AWS.CloudWatch.Actions;
using Amazon.CDK.AWS.IAM;
using Amazon.CDK.AWS.KMS;
using Amazon.CDK.AWS.Pipes;
using Amazon.CDK.AWS.S3;
using Amazon.CDK.AWS.SNS;
using Amazon.CDK.AWS.SQS;
using Constructs;
using TrainingOrchestration.Pipelines.Conventions;
using TrainingOrchestration.Pipelines.Spec;

namespace TrainingOrchestration.Infra.Ingress;

/// <summary>
/// The ingress of a <c>dynamodb-stream</c> or <c>debezium</c> source (WORKFLOW.md "Change data"): an EventBridge Pipe
/// (AWS::Pipes::Pipe) reads the stream or topic in batches (<c>cdc.batchSize</c>, <c>cdc.batchWindow</c>), its enrichment
/// (<see cref="ChangeBatchAnnouncer"/>) puts one event per batch with the batch's change count, and its target, a Firehose
/// stream (<see cref="LandingStream"/>), lands every record in <c>raw/&lt;table&gt;/changes/</c>. A DynamoDB stream batch
/// that still fails after <see cref="PipeSource.StreamRetryAttempts"/> goes to a dead-letter queue; Kafka sources have no
/// Pipe dead-letter queue (Pipes retries them until the record leaves the topic: eb-pipes-error-troubleshooting.html),
/// so both alarm on the Pipe's own <c>ExecutionFailed</c> metric (AWS/EventBridge/Pipes, eb-pipes-monitoring.html) too.
/// </summary>
public sealed class ChangePipe : Construct
{
    public CfnPipe Pipe { get; }
    public Role Role { get; }
    public Queue? DeadLetters { get; }
    public LandingStream Landing { get; }
    public IReadOnlyList<Alarm> Alarms { get; }

    public ChangePipe(Construct scope, string id, PipelineSpec spec, IBucket bucket, IKey key, ITopic notifications, ITopic? paging) : base(scope, id)
    {
        var name = ResourceNames.ChangePipe(spec.Name);
        Landing = new LandingStream(this, "Landing", spec, bucket, key);
        var announcer = new ChangeBatchAnnouncer(this, "BatchAnnouncer", spec, key);
        if (spec.Source.Cdc.Kind == CdcKind.DynamoDbStream)
        {
            DeadLetters = new Queue(this, "DeadLetters", new QueueProps
            {
                Encryption = QueueEncryption.SQS_MANAGED,
                EnforceSSL = true,
                RetentionPeriod = Duration.Days(14),
            });
        }
        var source = PipeSource.For(this, spec, DeadLetters);

        Role = new Role(this, "Role", new RoleProps
        {
            Description = $"EventBridge Pipe {name}: reads {spec.Source.Table}'s changes, announces each batch, lands it through Firehose.",
            AssumedBy = new ServicePrincipal("pipes.amazonaws.com", new ServicePrincipalOpts
            {
                Conditions = new Dictionary<string, object> { ["StringEquals"] = new Dictionary<string, object> { ["aws:SourceAccount"] = Aws.ACCOUNT_ID } },
            }),
        });
        foreach (var statement in source.Statements) Role.AddToPolicy(statement);
        Role.AddToPolicy(new PolicyStatement(new PolicyStatementProps
        {
            Sid = "AnnounceBatch",
            Actions = ["states:StartSyncExecution"],
            Resources = [announcer.StateMachine.StateMachineArn],
        }));
        Role.AddToPolicy(new PolicyStatement(new PolicyStatementProps
        {
            Sid = "LandBatch",
            Actions = ["firehose:PutRecordBatch"],
            Resources = [Landing.StreamArn],
        }));

        Pipe = new CfnPipe(this, "Pipe", new CfnPipeProps
        {
            Name = name,
            Description = $"{SourceColumnsText.KindName(spec.Source.Cdc.Kind)} changes of {spec.Source.Table} -> one event per batch -> raw/ through Firehose.",
            RoleArn = Role.RoleArn,
            Source = source.Arn,
            SourceParameters = source.Parameters,
            Enrichment = announcer.StateMachine.StateMachineArn,
            Target = Landing.StreamArn,
            DesiredState = "RUNNING",
        });
        // The role's policy must exist before the Pipe first polls, or the Pipe stops with an authorization error
        // (the role itself is already ordered by the GetAtt of its ARN).
        Pipe.AddDependency(DefaultPolicy(Role));

        var alarms = new List<Alarm> { ExecutionFailures(spec, name) };
        if (DeadLetters is not null) alarms.Add(DeadLetterAlarm(spec, DeadLetters));
        foreach (var alarm in alarms)
        {
            alarm.AddAlarmAction(new SnsAction(notifications));
            if (paging is not null) alarm.AddAlarmAction(new SnsAction(paging));
        }
        Alarms = alarms;
    }

    /// <summary>The CloudFormation policy CDK writes for a role's statements.</summary>
    public static CfnResource DefaultPolicy(Role role) => (CfnResource)role.Node.FindChild("DefaultPolicy").Node.DefaultChild!;

    private Alarm ExecutionFailures(PipelineSpec spec, string pipeName) => new(this, "ExecutionFailedAlarm", new AlarmProps
    {
        AlarmName = $"{spec.Name}-change-pipe-failures",
        AlarmDescription = $"The {pipeName} Pipe failed to announce or land a batch of {spec.Source.Table} changes; it retries, but changes are late.",
        Metric = new Metric(new MetricProps
        {
            Namespace = "AWS/EventBridge/Pipes",
            MetricName = "ExecutionFailed",
            DimensionsMap = new Dictionary<string, string> { ["PipeName"] = pipeName },
            Statistic = "Sum",
            Period = Duration.Minutes(5),
        }),
        Threshold = 1,
        ComparisonOperator = ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
        EvaluationPeriods = 1,
        TreatMissingData = TreatMissingData.NOT_BREACHING,
    });

    private Alarm DeadLetterAlarm(PipelineSpec spec, Queue queue) => new(this, "DeadLetterAlarm", new AlarmProps
    {
        AlarmName = $"{spec.Name}-change-dead-letters",
        AlarmDescription = $"A batch of {spec.Source.Table} stream records could not be delivered; its shard and sequence numbers wait in the Pipe's dead-letter queue.",
        Metric = queue.MetricApproximateNumberOfMessagesVisible(new MetricOptions { Period = Duration.Minutes(5), Statistic = "Maximum" }),
        Threshold = 1,
        ComparisonOperator = ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
        EvaluationPeriods = 1,
        TreatMissingData = TreatMissingData.NOT_BREACHING,
    });
}
