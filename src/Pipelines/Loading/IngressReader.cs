using System.Text.RegularExpressions;
using TrainingOrchestration.Pipelines.Spec;

namespace TrainingOrchestration.Pipelines.Loading;

/// <summary>
/// Reads the ingress keys of <c>source.cdc</c> (<see cref="IngressSpec"/>): every value is checked against the pattern
/// the AWS API accepts for it, and every key against the CDC kind it belongs to, with the file, line and field.
/// Patterns: Pipes API (docs.aws.amazon.com/eventbridge/latest/pipes-reference/API_PipeSourceManagedStreamingKafkaParameters.html,
/// API_PipeSourceSelfManagedKafkaParameters.html, API_PipeSourceDynamoDBStreamParameters.html); batch size: a Pipe's
/// Firehose target takes at most 500 records per batch (docs.aws.amazon.com/eventbridge/latest/userguide/eb-pipes-batching-concurrency.html).
/// </summary>
internal static partial class IngressReader
{
    public static readonly string[] Keys = ["streamArn", "startingPosition", "kafka", "dms"];
    private static readonly string[] KafkaKeys = ["topic", "clusterArn", "bootstrapServers", "secretArn", "consumerGroup", "subnets", "securityGroups"];
    private static readonly string[] DmsKeys = ["format"];

    /// <summary>Most records a Pipe hands its Firehose target in one batch.</summary>
    public const int FirehoseTargetMaxBatch = 500;

    public static IngressSpec? Read(YamlSection cdc, CdcKind? kind, int? batchSize)
    {
        var ok = true;
        var viaPipe = kind is CdcKind.DynamoDbStream or CdcKind.Debezium;
        if (viaPipe && batchSize > FirehoseTargetMaxBatch)
        {
            cdc.Error("batchSize", $"{batchSize} is more than the {FirehoseTargetMaxBatch} records a Pipe hands its Firehose target per batch.",
                $"Use at most {FirehoseTargetMaxBatch}.");
            ok = false;
        }
        string? streamArn = null;
        if (cdc.Has("streamArn"))
        {
            streamArn = cdc.String("streamArn", required: true, "arn:aws:dynamodb:eu-west-1:123456789012:table/customers/stream/2026-01-01T00:00:00.000");
            ok &= Only(cdc, "streamArn", kind, CdcKind.DynamoDbStream) && Matches(cdc, "streamArn", streamArn, StreamArn(),
                "is not a DynamoDB stream ARN", "Copy LatestStreamArn from the table (arn:aws:dynamodb:<region>:<account>:table/<name>/stream/<label>).");
        }
        var position = "TRIM_HORIZON";
        if (cdc.Has("startingPosition"))
        {
            position = cdc.String("startingPosition", required: true, "TRIM_HORIZON") ?? position;
            ok &= viaPipe || NotFor(cdc, "startingPosition", "s3-files sources are written by DMS, not read by a Pipe.");
            if (position is not ("TRIM_HORIZON" or "LATEST"))
            {
                cdc.Error("startingPosition", $"'{position}' is not a Pipes starting position.", "Use TRIM_HORIZON or LATEST.");
                ok = false;
            }
        }
        KafkaSpec? kafka = null;
        if (cdc.Has("kafka"))
        {
            ok &= Only(cdc, "kafka", kind, CdcKind.Debezium);
            var section = cdc.Section("kafka", required: true, KafkaKeys);
            kafka = section is null ? null : ReadKafka(section);
            ok &= kafka is not null;
        }
        var format = DmsFileFormat.Parquet;
        if (cdc.Has("dms"))
        {
            ok &= Only(cdc, "dms", kind, CdcKind.S3Files);
            var dms = cdc.Section("dms", required: true, DmsKeys);
            var text = dms?.String("format", required: true, "parquet");
            if (text is "csv") format = DmsFileFormat.Csv;
            else if (text is not "parquet")
            {
                if (text is not null) dms!.Error("format", $"'{text}' is not a DMS S3 data format.", "Use parquet or csv.");
                ok = false;
            }
        }
        return ok ? new IngressSpec { StreamArn = streamArn, StartingPosition = position, Kafka = kafka, DmsFormat = format } : null;
    }

    private static KafkaSpec? ReadKafka(YamlSection kafka)
    {
        var ok = true;
        string? Checked(string key, Regex pattern, string problem, string fix, string example)
        {
            if (!kafka.Has(key)) return null;
            var value = kafka.String(key, required: true, example);
            ok &= Matches(kafka, key, value, pattern, problem, fix);
            return value;
        }
        IReadOnlyList<string> List(string key, Regex pattern, string problem, string fix)
        {
            if (!kafka.Has(key)) return [];
            var items = kafka.StringList(key, required: true) ?? [];
            foreach (var item in items) ok &= Matches(kafka, key, item, pattern, problem, fix);
            return items;
        }
        var topic = Checked("topic", Topic(), "is not a Kafka topic name Pipes accepts", "Use letters, digits, '.', '_' and '-' (Debezium: <prefix>.<schema>.<table>).", "billing.public.subscribers");
        var cluster = Checked("clusterArn", ClusterArn(), "is not an MSK cluster ARN", "Copy the cluster's ARN (arn:aws:kafka:<region>:<account>:cluster/<name>/<uuid>).", "arn:aws:kafka:eu-west-1:123456789012:cluster/cdc/0a1b2c3d-4e5f-6789-abcd-ef0123456789-1");
        var servers = List("bootstrapServers", Broker(), "is not host:port", "Write each broker as host:port, e.g. broker-1.example.com:9096.");
        var secret = Checked("secretArn", SecretArn(), "is not a Secrets Manager secret ARN", "Copy the secret's ARN (arn:aws:secretsmanager:<region>:<account>:secret:<name>).", "arn:aws:secretsmanager:eu-west-1:123456789012:secret:debezium-AbCdEf");
        var group = Checked("consumerGroup", ConsumerGroup(), "is not a consumer group Pipes accepts", "Use 1 to 200 of letters, digits and - / * : _ + = . @", "training-orchestration");
        var subnets = List("subnets", Subnet(), "is not a subnet id", "Write subnet ids (subnet-0123abcd).");
        var groups = List("securityGroups", SecurityGroup(), "is not a security group id", "Write security group ids (sg-0123abcd).");
        if (servers.Count > 3)
        {
            kafka.Error("bootstrapServers", $"names {servers.Count} brokers; a Pipe takes one as its source and at most 2 more (AdditionalBootstrapServers).",
                "List at most 3 brokers; the Pipe discovers the rest of the cluster from them.");
            ok = false;
        }
        if (cluster is not null && servers.Count > 0)
        {
            kafka.Error("bootstrapServers", "names both an MSK cluster (clusterArn) and self-managed brokers.", "Keep clusterArn for MSK, or bootstrapServers for self-managed Kafka.");
            ok = false;
        }
        if ((subnets.Count > 0 || groups.Count > 0) && servers.Count == 0)
        {
            kafka.Error(subnets.Count > 0 ? "subnets" : "securityGroups", "VPC settings apply to self-managed Kafka only (an MSK Pipe uses the cluster's own network).",
                "Remove them, or name the brokers in bootstrapServers.");
            ok = false;
        }
        if ((subnets.Count > 0) != (groups.Count > 0))
        {
            kafka.Error(subnets.Count > 0 ? "securityGroups" : "subnets", "a Pipe in a VPC needs both subnets and security groups.", "Give both lists.");
            ok = false;
        }
        return ok ? new KafkaSpec { Topic = topic, ClusterArn = cluster, BootstrapServers = servers, SecretArn = secret, ConsumerGroup = group, Subnets = subnets, SecurityGroups = groups } : null;
    }

    private static bool Only(YamlSection cdc, string key, CdcKind? kind, CdcKind owner)
    {
        if (kind is null || kind == owner) return true;
        var name = SourceColumnsText.KindName(owner);
        cdc.Error(key, $"{key} belongs to kind {name}; this source is {SourceColumnsText.KindName(kind.Value)}.", $"Remove {key}, or use kind {name}.");
        return false;
    }

    private static bool NotFor(YamlSection cdc, string key, string why)
    {
        cdc.Error(key, why, $"Remove {key}.");
        return false;
    }

    private static bool Matches(YamlSection section, string key, string? value, Regex pattern, string problem, string fix)
    {
        if (value is null) return false;
        if (pattern.IsMatch(value)) return true;
        section.Error(key, $"'{value}' {problem}.", fix);
        return false;
    }

    [GeneratedRegex(@"^arn:aws[a-z-]*:dynamodb:[a-z0-9-]+:\d{12}:table/[A-Za-z0-9_.-]{3,255}/stream/[^/\s]+$")]
    private static partial Regex StreamArn();

    [GeneratedRegex(@"^[^.]([a-zA-Z0-9\-_.]+)$")]
    private static partial Regex Topic();

    [GeneratedRegex(@"^arn:aws[a-z-]*:kafka:[a-z0-9-]+:\d{12}:cluster/[A-Za-z0-9-]+/[A-Za-z0-9-]+$")]
    private static partial Regex ClusterArn();

    [GeneratedRegex(@"^[A-Za-z0-9][A-Za-z0-9.-]*:([1-9]\d{0,4})$")]
    private static partial Regex Broker();

    [GeneratedRegex(@"^arn:aws[a-z-]*:secretsmanager:[a-z0-9-]+:\d{12}:secret:[A-Za-z0-9/_+=.@-]+$")]
    private static partial Regex SecretArn();

    [GeneratedRegex(@"^[a-zA-Z0-9\-/*:_+=.@]{1,200}$")]
    private static partial Regex ConsumerGroup();

    [GeneratedRegex(@"^subnet-[0-9a-f]{8,17}$")]
    private static partial Regex Subnet();

    [GeneratedRegex(@"^sg-[0-9a-f]{8,17}$")]
    private static partial Regex SecurityGroup();
}
