using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using TrainingOrchestration.LocalRuntime.Runs;
using TrainingOrchestration.Pipelines.Conventions;
using TrainingOrchestration.Pipelines.Spec;

namespace TrainingOrchestration.LocalRuntime.Ingress;

/// <summary>
/// The ingress offline (WORKFLOW.md "Change data"): lands a change file's records in <c>raw/&lt;table&gt;/</c> exactly as
/// the stack's ingress writes them, in batches of <c>source.cdc.batchSize</c>, and puts one event per batch on the bus.
/// <list type="bullet">
/// <item><c>dynamodb-stream</c>: the Pipe hands Firehose each stream record; Firehose writes one per line under
/// <c>raw/&lt;table&gt;/changes/YYYY/MM/dd/HH/&lt;pipeline&gt;-changes-1-YYYY-MM-dd-HH-mm-ss-&lt;id&gt;.jsonl</c> (the Firehose stream is <c>&lt;pipeline&gt;-changes</c>); the event
/// (detail-type <c>source.cdc.detailType</c>) carries <c>changeCount</c>, which the trigger adds to its counter.</item>
/// <item><c>debezium</c>: the same, each line the Kafka record as the Pipe delivers it (key and value base64).</item>
/// <item><c>s3-files</c>: DMS writes the CSV itself as <c>raw/&lt;table&gt;/&lt;yyyyMMdd-HHmmssffff&gt;.csv</c>; S3 sends
/// "Object Created" to EventBridge, which the trigger counts as one change.</item>
/// </list>
/// </summary>
public sealed class ChangeReplay(PipelineSession session)
{
    private PipelineSpec Spec => session.Pipeline;

    public IReadOnlyList<LandedBatch> Land(string changesFile)
    {
        if (!File.Exists(changesFile)) throw new FileNotFoundException($"Change file {changesFile} does not exist.", changesFile);
        var now = session.Cloud.Clock.UtcNow;
        if (Spec.Source.Cdc.Kind == CdcKind.S3Files)
        {
            var key = $"{BucketLayout.RawTable(Spec.Source.Table)}{now:yyyyMMdd-HHmmssffff}.csv";
            Write(key, File.ReadAllBytes(changesFile));
            return [new LandedBatch(key, 1, ObjectCreated(key, new FileInfo(changesFile).Length, now))];
        }
        var records = ChangeFileReader.Read(changesFile, Spec.Source.Cdc.Kind);
        var batches = new List<LandedBatch>();
        foreach (var (chunk, index) in records.Chunk(Spec.Source.Cdc.BatchSize).Select((c, i) => (c, i)))
        {
            var lines = chunk.Select(r => Spec.Source.Cdc.Kind == CdcKind.Debezium ? KafkaRecord(r, index) : r.Record.ToJsonString());
            var body = Encoding.UTF8.GetBytes(string.Join("\n", lines) + "\n");
            var id = Convert.ToHexStringLower(SHA256.HashData(body))[..8] + "-" + index.ToString("D4", CultureInfo.InvariantCulture);
            var key = $"{BucketLayout.RawChanges(Spec.Source.Table)}{now:yyyy/MM/dd/HH}/{ResourceNames.LandingStream(Spec.Name)}-1-{now:yyyy-MM-dd-HH-mm-ss}-{id}.jsonl";
            Write(key, body);
            batches.Add(new LandedBatch(key, chunk.Length, BatchEvent(key, chunk.Length, now)));
        }
        return batches;
    }

    public async Task DeliverAsync(IEnumerable<LandedBatch> batches)
    {
        foreach (var batch in batches) await session.PutEventAsync(batch.Event);
    }

    private void Write(string key, byte[] content)
    {
        var path = session.Cloud.Buckets.PathFor(session.BucketName, key);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllBytes(path, content);
    }

    /// <summary>A Debezium message as the Pipe's Kafka source delivers it: key = the entity key as JSON, both base64.</summary>
    private string KafkaRecord(ChangeRecord change, int batch)
    {
        var record = change.Record;
        var tombstone = record.ContainsKey("value") && record["value"] is null && !record.ContainsKey("op");
        var message = record["payload"] as JsonObject ?? record;
        var keyValue = tombstone ? record["key"] : message["after"]?[Spec.Features.EntityKey] ?? message["before"]?[Spec.Features.EntityKey];
        var key = tombstone && keyValue is JsonObject ? keyValue.ToJsonString() : new JsonObject { [Spec.Features.EntityKey] = keyValue?.DeepClone() }.ToJsonString();
        var topic = $"{Spec.Source.Table}";
        return new JsonObject
        {
            ["eventSource"] = "aws:kafka",
            ["eventSourceKey"] = $"{topic}-0",
            ["topic"] = topic,
            ["partition"] = 0,
            ["offset"] = batch * Spec.Source.Cdc.BatchSize + change.Line,
            ["timestamp"] = session.Cloud.Clock.UtcNow.ToUnixTimeMilliseconds(),
            ["timestampType"] = "CREATE_TIME",
            ["key"] = Convert.ToBase64String(Encoding.UTF8.GetBytes(key)),
            ["value"] = tombstone ? null : Convert.ToBase64String(Encoding.UTF8.GetBytes(record.ToJsonString())),
            ["headers"] = new JsonArray(),
        }.ToJsonString();
    }

    private JsonObject BatchEvent(string key, int count, DateTimeOffset at) => Envelope(Spec.Source.Cdc.EventSource, Spec.Source.Cdc.DetailType, at, new JsonObject
    {
        ["table"] = Spec.Source.Table,
        ["kind"] = SourceColumnsText.KindName(Spec.Source.Cdc.Kind),
        ["changeCount"] = count,
        ["bucket"] = session.BucketName,
        ["key"] = key,
    });

    /// <summary>S3's EventBridge "Object Created" event (https://docs.aws.amazon.com/AmazonS3/latest/userguide/ev-events.html).</summary>
    private JsonObject ObjectCreated(string key, long size, DateTimeOffset at) => Envelope(DetailTypes.S3Source, DetailTypes.S3ObjectCreated, at, new JsonObject
    {
        ["version"] = "0",
        ["bucket"] = new JsonObject { ["name"] = session.BucketName },
        ["object"] = new JsonObject { ["key"] = key, ["size"] = size, ["sequencer"] = at.ToUnixTimeMilliseconds().ToString("X16", CultureInfo.InvariantCulture) },
        ["request-id"] = Guid.NewGuid().ToString("N")[..16].ToUpperInvariant(),
        ["requester"] = session.Stack.Environment.AccountId,
        ["reason"] = "PutObject",
    });

    private JsonObject Envelope(string source, string detailType, DateTimeOffset at, JsonObject detail) => new()
    {
        ["version"] = "0",
        ["id"] = Guid.NewGuid().ToString(),
        ["detail-type"] = detailType,
        ["source"] = source,
        ["account"] = session.Stack.Environment.AccountId,
        ["time"] = at.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture),
        ["region"] = session.Stack.Environment.Region,
        ["resources"] = new JsonArray(),
        ["detail"] = detail,
    };
}
