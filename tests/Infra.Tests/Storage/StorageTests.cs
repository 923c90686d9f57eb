using Amazon.CDK.Assertions;
using TrainingOrchestration.Infra.Tests.Support;

namespace TrainingOrchestration.Infra.Tests.Storage;

[Collection(SynthesisCollection.Name)]
public class StorageTests(SynthesizedPipelines synthesized)
{
    private Template Fraud => synthesized.Templates[SynthesizedPipelines.Critical];

    [Fact]
    public void The_bucket_is_kms_encrypted_versioned_private_and_tls_only()
    {
        Fraud.HasResourceProperties("AWS::S3::Bucket", new Dictionary<string, object>
        {
            ["BucketEncryption"] = new Dictionary<string, object>
            {
                ["ServerSideEncryptionConfiguration"] = new object[]
                {
                    Match.ObjectLike(new Dictionary<string, object>
                    {
                        ["ServerSideEncryptionByDefault"] = new Dictionary<string, object>
                        {
                            ["SSEAlgorithm"] = "aws:kms",
                            ["KMSMasterKeyID"] = Match.AnyValue(),
                        },
                    }),
                },
            },
            ["VersioningConfiguration"] = new Dictionary<string, object> { ["Status"] = "Enabled" },
            ["PublicAccessBlockConfiguration"] = new Dictionary<string, object>
            {
                ["BlockPublicAcls"] = true, ["BlockPublicPolicy"] = true, ["IgnorePublicAcls"] = true, ["RestrictPublicBuckets"] = true,
            },
            ["NotificationConfiguration"] = new Dictionary<string, object>
            {
                ["EventBridgeConfiguration"] = new Dictionary<string, object> { ["EventBridgeEnabled"] = true },
            },
        });
        Fraud.HasResourceProperties("AWS::S3::BucketPolicy", new Dictionary<string, object>
        {
            ["PolicyDocument"] = Match.ObjectLike(new Dictionary<string, object>
            {
                ["Statement"] = Match.ArrayWith([Match.ObjectLike(new Dictionary<string, object>
                {
                    ["Effect"] = "Deny",
                    ["Condition"] = new Dictionary<string, object> { ["Bool"] = new Dictionary<string, object> { ["aws:SecureTransport"] = "false" } },
                })]),
            }),
        });
    }

    [Fact]
    public void The_table_has_point_in_time_recovery_kms_and_a_ttl()
    {
        Fraud.HasResourceProperties("AWS::DynamoDB::Table", new Dictionary<string, object>
        {
            ["KeySchema"] = new object[]
            {
                new Dictionary<string, object> { ["AttributeName"] = "pk", ["KeyType"] = "HASH" },
                new Dictionary<string, object> { ["AttributeName"] = "sk", ["KeyType"] = "RANGE" },
            },
            ["PointInTimeRecoverySpecification"] = new Dictionary<string, object> { ["PointInTimeRecoveryEnabled"] = true },
            ["SSESpecification"] = new Dictionary<string, object> { ["SSEEnabled"] = true, ["SSEType"] = "KMS", ["KMSMasterKeyId"] = Match.AnyValue() },
            ["TimeToLiveSpecification"] = new Dictionary<string, object> { ["AttributeName"] = "expiresAt", ["Enabled"] = true },
        });
    }

    [Fact]
    public void The_key_rotates()
    {
        Fraud.HasResourceProperties("AWS::KMS::Key", new Dictionary<string, object> { ["EnableKeyRotation"] = true });
    }

    [Theory]
    [MemberData(nameof(SynthesizedPipelines.Pipelines), MemberType = typeof(SynthesizedPipelines))]
    public void Every_topic_and_log_group_is_encrypted_with_the_stack_key(string pipeline)
    {
        var topics = synthesized.Resources(pipeline, "AWS::SNS::Topic").ToList();
        var logs = synthesized.Resources(pipeline, "AWS::Logs::LogGroup").ToList();

        Assert.NotEmpty(topics);
        // Four workflows, four task Lambdas; a Pipe source adds its enrichment workflow's and Firehose's.
        Assert.Equal(pipeline == SynthesizedPipelines.Exploratory ? 8 : 10, logs.Count);
        Assert.All(topics, t => Assert.Contains("StorageKey", t.Resource["Properties"]!["KmsMasterKeyId"]!.ToJsonString()));
        Assert.All(logs, l => Assert.Contains("StorageKey", l.Resource["Properties"]!["KmsKeyId"]!.ToJsonString()));
        Assert.All(logs, l => Assert.Equal(90, l.Resource["Properties"]!["RetentionInDays"]!.GetValue<int>()));
    }

    [Theory]
    [MemberData(nameof(SynthesizedPipelines.Pipelines), MemberType = typeof(SynthesizedPipelines))]
    public void Kept_workflow_log_groups_are_named_after_the_stack_id_so_a_recreated_stack_never_collides_with_them(string pipeline)
    {
        var workflowLogs = synthesized.Resources(pipeline, "AWS::Logs::LogGroup")
            .Where(l => l.Resource["Properties"]!["LogGroupName"]?.ToJsonString().Contains("/aws/vendedlogs/states/", StringComparison.Ordinal) == true).ToList();

        // Four workflows; a Pipe source adds the change Pipe's enrichment workflow.
        Assert.Equal(pipeline == SynthesizedPipelines.Exploratory ? 4 : 5, workflowLogs.Count);
        Assert.All(workflowLogs, l => Assert.Equal("Retain", l.Resource["DeletionPolicy"]!.GetValue<string>()));
        // Every kept group with a fixed name (the Firehose delivery logs too); the task Lambdas' groups have generated names.
        var kept = synthesized.Resources(pipeline, "AWS::Logs::LogGroup")
            .Where(l => l.Resource["DeletionPolicy"]?.GetValue<string>() == "Retain" && l.Resource["Properties"]!["LogGroupName"] is not null).ToList();
        Assert.NotEmpty(kept);
        Assert.All(kept, l => Assert.Contains("AWS::StackId", l.Resource["Properties"]!["LogGroupName"]!.ToJsonString()));
    }

    [Fact]
    public void A_critical_pipeline_gets_a_paging_topic_and_an_exploratory_one_does_not()
    {
        Fraud.HasResourceProperties("AWS::SNS::Topic", new Dictionary<string, object> { ["TopicName"] = "fraud-paging" });
        Assert.DoesNotContain(synthesized.Resources(SynthesizedPipelines.Exploratory, "AWS::SNS::Topic"),
            t => t.Resource["Properties"]!["TopicName"]!.GetValue<string>().EndsWith("-paging", StringComparison.Ordinal));
    }

    [Fact]
    public void The_spec_emails_subscribe_to_the_notifications_topic()
    {
        Fraud.ResourceCountIs("AWS::SNS::Subscription", 4); // two e-mails and a webhook on notifications, PagerDuty on paging
        Fraud.HasResourceProperties("AWS::SNS::Subscription", new Dictionary<string, object>
        {
            ["Protocol"] = "email",
            ["Endpoint"] = "fraud-oncall@example.com",
        });
    }
}
