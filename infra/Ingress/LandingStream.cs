using Amazon.CDK;
using Amazon.CDK.AWS.IAM;
using Amazon.CDK.AWS.KinesisFirehose;
using Amazon.CDK.AWS.KMS;
using Amazon.CDK.AWS.Logs;
using Amazon.CDK.AWS.S3;
using Constructs;
using TrainingOrchestration.Pipelines.Conventions;
using TrainingOrchestration.Pipelines.Spec;
using TrainingOrchestration.StateMachine;

namespace TrainingOrchestration.Infra.Ingress;

/// <summary>
/// The Firehose stream (AWS::KinesisFirehose::DeliveryStream, DirectPut) the change Pipe writes to. It lands one change
/// record per line (processor <c>AppendDelimiterToRecord</c>: Firehose adds no delimiter itself) under
/// <c>raw/&lt;table&gt;/changes/</c>, which Firehose follows with the ingest hour <c>YYYY/MM/dd/HH/</c> and names each object
/// <c>&lt;stream&gt;-&lt;version&gt;-YYYY-MM-dd-HH-mm-ss-&lt;id&gt;.jsonl</c> (<c>FileExtension</c>), SSE-KMS with the stack key;
/// records it cannot deliver go under <c>ingress-errors/&lt;table&gt;/</c> (<c>ErrorOutputPrefix</c>), outside <c>raw/</c>.
/// Properties as in the CloudFormation reference: aws-properties-kinesisfirehose-deliverystream-extendeds3destinationconfiguration.html,
/// processor types: docs.aws.amazon.com/firehose/latest/APIReference/API_Processor.html; S3 object naming and the
/// error-output-type expression: docs.aws.amazon.com/firehose/latest/dev/s3-prefixes.html.
/// </summary>
public sealed class LandingStream : Construct
{
    /// <summary>Firehose flushes a buffer after this long or at <see cref="BufferMegabytes"/>, whichever comes first.</summary>
    public const int BufferSeconds = 60;
    public const int BufferMegabytes = 64;

    public CfnDeliveryStream Stream { get; }

    public string StreamArn => Stream.AttrArn;

    public LandingStream(Construct scope, string id, PipelineSpec spec, IBucket bucket, IKey key) : base(scope, id)
    {
        var table = spec.Source.Table;
        var name = ResourceNames.LandingStream(spec.Name);
        var logs = new LogGroup(this, "DeliveryLogs", new LogGroupProps
        {
            // Kept when the stack is deleted, so its name ends in the stack id, as the workflows' log groups do (TrainingStack).
            LogGroupName = $"/aws/kinesisfirehose/{name}-{Fn.Select(2, Fn.Split("/", Aws.STACK_ID))}",
            Retention = RetentionDays.THREE_MONTHS,
            EncryptionKey = key,
            RemovalPolicy = RemovalPolicy.RETAIN,
        });
        var logStream = new LogStream(this, "S3Delivery", new LogStreamProps { LogGroup = logs, LogStreamName = "S3Delivery" });

        var role = new Role(this, "Role", new RoleProps
        {
            Description = $"Firehose landing {table} change records in raw/ for pipeline {spec.Name}.",
            // The confused-deputy guard Firehose documents for its role: sts:ExternalId = the account.
            AssumedBy = new ServicePrincipal("firehose.amazonaws.com", new ServicePrincipalOpts
            {
                Conditions = new Dictionary<string, object> { ["StringEquals"] = new Dictionary<string, object> { ["sts:ExternalId"] = Aws.ACCOUNT_ID } },
            }),
        });
        // What the S3 destination needs (docs.aws.amazon.com/firehose/latest/dev/controlling-access.html#using-iam-s3), scoped to its prefixes.
        role.AddToPolicy(new PolicyStatement(new PolicyStatementProps
        {
            Sid = "LandChanges",
            Actions = ["s3:PutObject", "s3:AbortMultipartUpload"],
            Resources = [bucket.ArnForObjects(BucketLayout.RawChanges(table) + "*"), bucket.ArnForObjects(BucketLayout.IngressErrorsTable(table) + "*")],
        }));
        role.AddToPolicy(new PolicyStatement(new PolicyStatementProps
        {
            Sid = "FindBucket",
            Actions = ["s3:GetBucketLocation", "s3:ListBucketMultipartUploads"],
            Resources = [bucket.BucketArn],
        }));
        role.AddToPolicy(StackGrants.KeyUse(key, "EncryptLandedChanges"));
        role.AddToPolicy(new PolicyStatement(new PolicyStatementProps
        {
            Sid = "DeliveryLogs",
            Actions = ["logs:PutLogEvents"],
            Resources = [$"arn:{Aws.PARTITION}:logs:{Aws.REGION}:{Aws.ACCOUNT_ID}:log-group:{logs.LogGroupName}:log-stream:{logStream.LogStreamName}"],
        }));

        Stream = new CfnDeliveryStream(this, "Stream", new CfnDeliveryStreamProps
        {
            DeliveryStreamName = name,
            DeliveryStreamType = "DirectPut",
            DeliveryStreamEncryptionConfigurationInput = new CfnDeliveryStream.DeliveryStreamEncryptionConfigurationInputProperty { KeyType = "AWS_OWNED_CMK" },
            ExtendedS3DestinationConfiguration = new CfnDeliveryStream.ExtendedS3DestinationConfigurationProperty
            {
                BucketArn = bucket.BucketArn,
                RoleArn = role.RoleArn,
                Prefix = BucketLayout.RawChanges(table),
                ErrorOutputPrefix = BucketLayout.IngressErrorsTable(table) + "!{firehose:error-output-type}/!{timestamp:yyyy/MM/dd}/",
                FileExtension = ".jsonl",
                CompressionFormat = "UNCOMPRESSED",
                BufferingHints = new CfnDeliveryStream.BufferingHintsProperty { IntervalInSeconds = BufferSeconds, SizeInMBs = BufferMegabytes },
                EncryptionConfiguration = new CfnDeliveryStream.EncryptionConfigurationProperty
                {
                    KmsEncryptionConfig = new CfnDeliveryStream.KMSEncryptionConfigProperty { AwskmsKeyArn = key.KeyArn },
                },
                ProcessingConfiguration = new CfnDeliveryStream.ProcessingConfigurationProperty
                {
                    Enabled = true,
                    Processors = new object[] { new CfnDeliveryStream.ProcessorProperty { Type = "AppendDelimiterToRecord" } },
                },
                CloudWatchLoggingOptions = new CfnDeliveryStream.CloudWatchLoggingOptionsProperty
                {
                    Enabled = true,
                    LogGroupName = logs.LogGroupName,
                    LogStreamName = logStream.LogStreamName,
                },
            },
        });
        // Firehose checks its access to the bucket when the stream is created: the policy must exist by then.
        Stream.AddDependency(ChangePipe.DefaultPolicy(role));
    }
}
