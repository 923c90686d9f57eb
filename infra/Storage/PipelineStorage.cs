using Amazon.CDK;
using Amazon.CDK.AWS.DynamoDB;
using Amazon.CDK.AWS.IAM;
using Amazon.CDK.AWS.KMS;
using Amazon.CDK.AWS.S3;
using Constructs;
using TrainingOrchestration.Pipelines.Conventions;

namespace TrainingOrchestration.Infra.Storage;

/// <summary>
/// The pipeline's key, bucket and table (DESIGN.md "Storage"). One customer managed key encrypts everything the
/// pipeline stores (objects, items, topics, logs), so revoking it revokes the pipeline's data in one place.
/// </summary>
public sealed class PipelineStorage : Construct
{
    public Key Key { get; }
    public Bucket Bucket { get; }
    public Table Table { get; }

    public PipelineStorage(Construct scope, string id, string pipeline) : base(scope, id)
    {
        var stack = Stack.Of(this);
        Key = new Key(this, "Key", new KeyProps
        {
            Alias = $"alias/training-orchestration/{pipeline}",
            Description = $"Encrypts the data, records, topics and logs of training pipeline {pipeline}.",
            EnableKeyRotation = true,
            RemovalPolicy = RemovalPolicy.RETAIN,
        });
        // CloudWatch Logs encrypts the pipeline's log groups, and CloudWatch alarms publish to the encrypted topics.
        Key.AddToResourcePolicy(new PolicyStatement(new PolicyStatementProps
        {
            Sid = "AllowCloudWatchLogs",
            Principals = [new ServicePrincipal($"logs.{stack.Region}.amazonaws.com")],
            Actions = ["kms:Encrypt", "kms:Decrypt", "kms:ReEncryptFrom", "kms:ReEncryptTo", "kms:GenerateDataKey", "kms:GenerateDataKeyWithoutPlaintext", "kms:DescribeKey"],
            Resources = ["*"],
            Conditions = new Dictionary<string, object>
            {
                ["ArnLike"] = new Dictionary<string, object>
                {
                    ["kms:EncryptionContext:aws:logs:arn"] = $"arn:{stack.Partition}:logs:{stack.Region}:{stack.Account}:log-group:*",
                },
            },
        }));
        // CloudWatch alarms publish to the encrypted topics: only this account's alarms may (confused deputy,
        // https://docs.aws.amazon.com/AmazonCloudWatch/latest/monitoring/AlarmThatSendsEmail.html#alarms-and-encryption).
        Key.AddToResourcePolicy(new PolicyStatement(new PolicyStatementProps
        {
            Sid = "AllowCloudWatchAlarmsPublishingToTopics",
            Principals = [new ServicePrincipal("cloudwatch.amazonaws.com")],
            Actions = ["kms:Decrypt", "kms:GenerateDataKey"],
            Resources = ["*"],
            Conditions = new Dictionary<string, object>
            {
                ["StringEquals"] = new Dictionary<string, object> { ["aws:SourceAccount"] = stack.Account },
                ["ArnLike"] = new Dictionary<string, object> { ["aws:SourceArn"] = $"arn:{stack.Partition}:cloudwatch:{stack.Region}:{stack.Account}:alarm:*" },
            },
        }));
        // EventBridge rules deliver to the encrypted topics. The one service principal without source conditions: for
        // EventBridge delivery to an encrypted topic the KMS request carries no aws:SourceAccount/aws:SourceArn, so such
        // conditions would drop every event (https://docs.aws.amazon.com/sns/latest/dg/sns-key-management.html
        // "compatibility with AWS services"); the topic policies restrict who may publish instead.
        Key.AddToResourcePolicy(new PolicyStatement(new PolicyStatementProps
        {
            Sid = "AllowEventBridgeRulesPublishingToTopics",
            Principals = [new ServicePrincipal("events.amazonaws.com")],
            Actions = ["kms:Decrypt", "kms:GenerateDataKey"],
            Resources = ["*"],
        }));

        Bucket = new Bucket(this, "Bucket", new BucketProps
        {
            Encryption = BucketEncryption.KMS,
            EncryptionKey = Key,
            BucketKeyEnabled = true,
            Versioned = true,
            EnforceSSL = true,
            BlockPublicAccess = BlockPublicAccess.BLOCK_ALL,
            ObjectOwnership = ObjectOwnership.BUCKET_OWNER_ENFORCED,
            RemovalPolicy = RemovalPolicy.RETAIN,
            LifecycleRules =
            [
                new LifecycleRule { Id = "ExpireOldVersions", NoncurrentVersionExpiration = Duration.Days(90), AbortIncompleteMultipartUploadAfter = Duration.Days(7) },
                new LifecycleRule { Id = "ExpireCheckpoints", Prefix = BucketLayout.PipelineCheckpoints(pipeline), Expiration = Duration.Days(30) },
            ],
        });

        // EventBridge notifications (S3 "Object Created" for s3-files CDC) set natively on the bucket; CDK's
        // EventBridgeEnabled would add a custom-resource Lambda with s3:PutBucketNotification on "*".
        ((CfnBucket)Bucket.Node.DefaultChild!).AddPropertyOverride("NotificationConfiguration.EventBridgeConfiguration.EventBridgeEnabled", true);

        Table = new Table(this, "Table", new TableProps
        {
            PartitionKey = new Amazon.CDK.AWS.DynamoDB.Attribute { Name = TableKeys.PartitionKey, Type = AttributeType.STRING },
            SortKey = new Amazon.CDK.AWS.DynamoDB.Attribute { Name = TableKeys.SortKey, Type = AttributeType.STRING },
            BillingMode = BillingMode.PAY_PER_REQUEST,
            PointInTimeRecovery = true,
            Encryption = TableEncryption.CUSTOMER_MANAGED,
            EncryptionKey = Key,
            TimeToLiveAttribute = "expiresAt",
            RemovalPolicy = RemovalPolicy.RETAIN,
        });
    }
}
