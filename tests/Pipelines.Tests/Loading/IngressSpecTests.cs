using TrainingOrchestration.Pipelines.Spec;

namespace TrainingOrchestration.Pipelines.Tests.Loading;

/// <summary>The ingress keys of <c>source.cdc</c>: read into <see cref="IngressSpec"/>, or reported at file, line and field.</summary>
public sealed class IngressSpecTests
{
    private const string Stream = "arn:aws:dynamodb:eu-west-1:123456789012:table/customers/stream/2026-01-01T00:00:00.000";

    private static PipelineFolder Debezium(string kafka) =>
        PipelineFolder.With("kind: dynamodb-stream", "kind: debezium\n    kafka:\n" + kafka);

    [Fact]
    public void A_stream_arn_and_starting_position_are_read_for_a_dynamodb_stream_source()
    {
        using var folder = PipelineFolder.With("kind: dynamodb-stream", $"kind: dynamodb-stream\n    streamArn: {Stream}\n    startingPosition: LATEST");

        var ingress = PipelineSpecLoader.Load(folder.Path).Source.Cdc.Ingress;

        Assert.Equal(Stream, ingress.StreamArn);
        Assert.Equal("LATEST", ingress.StartingPosition);
    }

    [Fact]
    public void Without_ingress_keys_the_stream_is_left_to_the_stack_parameter_and_reading_starts_at_the_trim_horizon()
    {
        using var folder = PipelineFolder.Valid();

        var ingress = PipelineSpecLoader.Load(folder.Path).Source.Cdc.Ingress;

        Assert.Null(ingress.StreamArn);
        Assert.Equal("TRIM_HORIZON", ingress.StartingPosition);
    }

    [Fact]
    public void A_table_arn_given_as_stream_arn_is_reported_at_its_line()
    {
        using var folder = PipelineFolder.With("kind: dynamodb-stream", "kind: dynamodb-stream\n    streamArn: arn:aws:dynamodb:eu-west-1:123456789012:table/customers");

        var error = LoadFailure.Of(folder).On("source.cdc.streamArn");

        Assert.Equal(folder.SpecFile, error.File);
        Assert.Equal(LoadFailure.LineOf(folder, "streamArn:"), error.Line);
        Assert.Contains("is not a DynamoDB stream ARN", error.Problem);
        Assert.Contains("LatestStreamArn", error.Fix);
    }

    [Fact]
    public void A_batch_larger_than_a_firehose_target_takes_is_refused_for_a_pipe_source()
    {
        using var folder = PipelineFolder.With("kind: dynamodb-stream", "kind: dynamodb-stream\n    batchSize: 501");

        var error = LoadFailure.Of(folder).On("source.cdc.batchSize");

        Assert.Contains("500", error.Problem);
    }

    [Fact]
    public void Self_managed_kafka_settings_are_read_for_a_debezium_source()
    {
        using var folder = Debezium("""
                  topic: billing.public.customers
                  bootstrapServers: [b-1.example.com:9096, b-2.example.com:9096]
                  secretArn: arn:aws:secretsmanager:eu-west-1:123456789012:secret:debezium-AbCdEf
                  subnets: [subnet-0a1b2c3d]
                  securityGroups: [sg-0a1b2c3d]
            """);

        var kafka = PipelineSpecLoader.Load(folder.Path).Source.Cdc.Ingress.Kafka!;

        Assert.Equal("billing.public.customers", kafka.Topic);
        Assert.True(kafka.SelfManaged);
        Assert.Equal(["b-1.example.com:9096", "b-2.example.com:9096"], kafka.BootstrapServers);
        Assert.Equal(["subnet-0a1b2c3d"], kafka.Subnets);
        Assert.Equal(["sg-0a1b2c3d"], kafka.SecurityGroups);
    }

    [Fact]
    public void Kafka_settings_on_a_dynamodb_stream_source_are_reported_as_belonging_to_debezium()
    {
        using var folder = PipelineFolder.With("kind: dynamodb-stream", "kind: dynamodb-stream\n    kafka:\n      topic: customers");

        var error = LoadFailure.Of(folder).On("source.cdc.kafka");

        Assert.Contains("belongs to kind debezium", error.Problem);
    }

    [Fact]
    public void An_msk_cluster_and_self_managed_brokers_together_are_refused()
    {
        using var folder = Debezium("""
                  clusterArn: arn:aws:kafka:eu-west-1:123456789012:cluster/cdc/0a1b2c3d-4e5f-6789-abcd-ef0123456789-1
                  bootstrapServers: [b-1.example.com:9096]
            """);

        var error = LoadFailure.Of(folder).On("source.cdc.kafka.bootstrapServers");

        Assert.Contains("both an MSK cluster", error.Problem);
    }

    [Fact]
    public void Subnets_without_security_groups_are_refused_with_the_missing_field_named()
    {
        using var folder = Debezium("""
                  bootstrapServers: [b-1.example.com:9096]
                  subnets: [subnet-0a1b2c3d]
            """);

        var error = LoadFailure.Of(folder).On("source.cdc.kafka.securityGroups");

        Assert.Contains("both subnets and security groups", error.Problem);
    }

    [Fact]
    public void A_broker_without_a_port_is_reported_at_its_line()
    {
        using var folder = Debezium("""
                  bootstrapServers: [b-1.example.com]
            """);

        var error = LoadFailure.Of(folder).On("source.cdc.kafka.bootstrapServers");

        Assert.Equal(LoadFailure.LineOf(folder, "bootstrapServers:"), error.Line);
        Assert.Contains("is not host:port", error.Problem);
    }

    [Fact]
    public void An_unknown_kafka_key_is_reported_with_the_nearest_known_one()
    {
        using var folder = Debezium("""
                  topc: billing.public.customers
            """);

        var error = LoadFailure.Of(folder).On("source.cdc.kafka.topc");

        Assert.Contains("Did you mean 'topic'?", error.Fix);
    }

    [Fact]
    public void The_dms_file_format_is_read_for_an_s3_files_source_and_refused_for_another_kind()
    {
        using var dms = PipelineFolder.With("kind: dynamodb-stream\n    eventSource: training-orchestration.cdc\n    detailType: Table Change",
            "kind: s3-files\n    dms:\n      format: csv");
        using var stream = PipelineFolder.With("kind: dynamodb-stream", "kind: dynamodb-stream\n    dms:\n      format: parquet");

        Assert.Equal(DmsFileFormat.Csv, PipelineSpecLoader.Load(dms.Path).Source.Cdc.Ingress.DmsFormat);
        Assert.Contains("belongs to kind s3-files", LoadFailure.Of(stream).On("source.cdc.dms").Problem);
    }
}
