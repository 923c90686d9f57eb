using Amazon.CDK.Assertions;
using TrainingOrchestration.Infra.Tests.Support;

namespace TrainingOrchestration.Infra.Tests.Ingress;

[Collection(SynthesisCollection.Name)]
public class ChangePipeTests(SynthesizedPipelines synthesized)
{
    private const string Stream = "arn:${AWS::Partition}:dynamodb:${AWS::Region}:${AWS::AccountId}:table/payments/stream/2026-01-15T09:30:00.000";

    private static Dictionary<string, object> Ref(string logicalIdPattern) =>
        new() { ["Ref"] = Match.StringLikeRegexp(logicalIdPattern) };

    [Fact]
    public void A_dynamodb_stream_source_is_read_by_a_pipe_with_the_batching_and_stream_of_pipeline_yaml()
    {
        synthesized.Templates[SynthesizedPipelines.Critical].HasResourceProperties("AWS::Pipes::Pipe", new Dictionary<string, object>
        {
            ["Name"] = "fraud-changes",
            ["SourceParameters"] = new Dictionary<string, object>
            {
                ["DynamoDBStreamParameters"] = new Dictionary<string, object>
                {
                    ["StartingPosition"] = "LATEST",
                    ["BatchSize"] = 200,
                    ["MaximumBatchingWindowInSeconds"] = 30,
                    ["MaximumRetryAttempts"] = 10,
                    ["DeadLetterConfig"] = new Dictionary<string, object>
                    {
                        ["Arn"] = new Dictionary<string, object> { ["Fn::GetAtt"] = new object[] { Match.StringLikeRegexp("IngressChangesDeadLetters"), "Arn" } },
                    },
                },
            },
            ["Enrichment"] = Ref("IngressChangesBatchAnnouncerStateMachine"),
            ["Target"] = new Dictionary<string, object> { ["Fn::GetAtt"] = new object[] { Match.StringLikeRegexp("IngressChangesLandingStream"), "Arn" } },
        });
    }

    [Fact]
    public void The_stream_is_read_in_the_stack_account_and_region_and_a_rule_refuses_any_other_than_the_arn_names()
    {
        var pipe = Assert.Single(synthesized.Resources(SynthesizedPipelines.Critical, "AWS::Pipes::Pipe")).Resource;
        var rule = synthesized.Json[SynthesizedPipelines.Critical]["Rules"]!["SourceStreamAccount"]!.ToJsonString();

        Assert.Equal(Stream, Definition.Text(pipe["Properties"]!["Source"]!));
        Assert.Contains("\"111122223333\"", rule, StringComparison.Ordinal);
        Assert.Contains("\"eu-west-3\"", rule, StringComparison.Ordinal);
        Assert.Contains("AWS::AccountId", rule, StringComparison.Ordinal);
    }

    [Fact]
    public void The_pipe_role_reads_only_its_stream_announces_through_its_workflow_and_lands_through_its_firehose()
    {
        var statements = PolicyStatements.Of(synthesized, SynthesizedPipelines.Critical)
            .Where(s => s.Owner.StartsWith("IngressChangesRoleDefaultPolicy", StringComparison.Ordinal)).ToList();

        var actions = statements.SelectMany(s => s.Actions).Order(StringComparer.Ordinal).ToList();
        Assert.Equal(
            ["dynamodb:DescribeStream", "dynamodb:GetRecords", "dynamodb:GetShardIterator", "dynamodb:ListStreams", "firehose:PutRecordBatch", "sqs:SendMessage", "states:StartSyncExecution"],
            actions);
        var read = Assert.Single(statements, s => s.Actions.Contains("dynamodb:GetRecords"));
        Assert.Equal(Stream, Definition.Text(Assert.Single(read.Resources)!));
        Assert.Contains("IngressChangesLandingStream", Assert.Single(Assert.Single(statements, s => s.Actions.Contains("firehose:PutRecordBatch")).Resources)!.ToJsonString());
    }

    [Fact]
    public void Stream_records_that_keep_failing_go_to_a_dead_letter_queue_whose_first_message_alarms_and_pages()
    {
        var template = synthesized.Templates[SynthesizedPipelines.Critical];
        template.HasResourceProperties("AWS::CloudWatch::Alarm", new Dictionary<string, object>
        {
            ["AlarmName"] = "fraud-change-dead-letters",
            ["MetricName"] = "ApproximateNumberOfMessagesVisible",
            ["Threshold"] = 1,
            ["AlarmActions"] = new object[] { Ref("TopicsNotifications"), Ref("TopicsPaging") },
        });
        template.HasResourceProperties("AWS::CloudWatch::Alarm", new Dictionary<string, object>
        {
            ["AlarmName"] = "fraud-change-pipe-failures",
            ["Namespace"] = "AWS/EventBridge/Pipes",
            ["MetricName"] = "ExecutionFailed",
            ["Dimensions"] = new object[] { new Dictionary<string, object> { ["Name"] = "PipeName", ["Value"] = "fraud-changes" } },
        });
    }

    [Fact]
    public void The_enrichment_puts_one_event_per_batch_counting_its_records_and_hands_the_batch_back()
    {
        var definition = Definition.Of(synthesized, SynthesizedPipelines.Critical, "fraud-change-batch");

        var entry = definition.State("AnnounceChangeBatch")["Parameters"]!["Entries"]![0]!;
        Assert.Equal("Table Change", entry["DetailType"]!.GetValue<string>());
        Assert.Equal("training-orchestration.cdc", entry["Source"]!.GetValue<string>());
        Assert.Equal("payments", entry["Detail"]!["table"]!.GetValue<string>());
        Assert.Equal("States.ArrayLength($.records)", entry["Detail"]!["changeCount.$"]!.GetValue<string>());
        Assert.Equal("$", definition.State("KeepBatch")["Parameters"]!["records.$"]!.GetValue<string>());
        Assert.Equal("$.records", definition.State("DeliverBatch")["OutputPath"]!.GetValue<string>());
        Assert.Equal("EventNotAccepted", definition.State("EventAccepted?")["Choices"]![0]!["Next"]!.GetValue<string>());
    }

    [Fact]
    public void Self_managed_kafka_is_read_from_its_brokers_with_the_scram_secret_inside_its_vpc()
    {
        synthesized.Templates[SynthesizedPipelines.Kafka].HasResourceProperties("AWS::Pipes::Pipe", new Dictionary<string, object>
        {
            ["Source"] = "smk://b-1.kafka.internal.example:9096",
            ["SourceParameters"] = new Dictionary<string, object>
            {
                ["SelfManagedKafkaParameters"] = new Dictionary<string, object>
                {
                    ["TopicName"] = "ledger.public.payments",
                    ["AdditionalBootstrapServers"] = new[] { "b-2.kafka.internal.example:9096" },
                    ["ConsumerGroupID"] = "training-ledger",
                    ["BatchSize"] = 500,
                    ["MaximumBatchingWindowInSeconds"] = 120,
                    ["Credentials"] = new Dictionary<string, object> { ["SaslScram512Auth"] = "arn:aws:secretsmanager:eu-west-3:111122223333:secret:debezium-scram-AbCdEf" },
                    ["Vpc"] = new Dictionary<string, object> { ["Subnets"] = new[] { "subnet-0a1b2c3d4e5f60718" }, ["SecurityGroup"] = new[] { "sg-0a1b2c3d4e5f60718" } },
                },
            },
        });
        var secretRead = Assert.Single(PolicyStatements.Of(synthesized, SynthesizedPipelines.Kafka), s => s.Actions.Contains("secretsmanager:GetSecretValue"));
        Assert.Equal("arn:aws:secretsmanager:eu-west-3:111122223333:secret:debezium-scram-AbCdEf", Assert.Single(secretRead.Resources)!.GetValue<string>());
    }

    [Fact]
    public void A_kafka_pipe_has_no_dead_letter_queue_but_alarms_on_failed_executions()
    {
        Assert.DoesNotContain(synthesized.Resources(SynthesizedPipelines.Kafka, "AWS::SQS::Queue"), q => q.LogicalId.StartsWith("IngressChanges", StringComparison.Ordinal));
        synthesized.Templates[SynthesizedPipelines.Kafka].HasResourceProperties("AWS::CloudWatch::Alarm", new Dictionary<string, object>
        {
            ["AlarmName"] = "ledger-change-pipe-failures",
            ["AlarmActions"] = new object[] { Ref("TopicsNotifications") },
        });
    }

    [Fact]
    public void A_dms_source_gets_no_pipe_and_no_firehose()
    {
        Assert.Empty(synthesized.Resources(SynthesizedPipelines.Exploratory, "AWS::Pipes::Pipe"));
        Assert.Empty(synthesized.Resources(SynthesizedPipelines.Exploratory, "AWS::KinesisFirehose::DeliveryStream"));
    }
}
