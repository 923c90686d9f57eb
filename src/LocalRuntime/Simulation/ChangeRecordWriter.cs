using System.Globalization;
using System.Text.Json.Nodes;
using TrainingOrchestration.Pipelines.Spec;

namespace TrainingOrchestration.LocalRuntime.Simulation;

/// <summary>
/// Writes one change of the simulated table in the source's native shape, with a source order that only grows:
/// a DynamoDB stream record (<c>eventName</c> INSERT/MODIFY/REMOVE, <c>dynamodb.Keys</c>, <c>NewImage</c>/<c>OldImage</c>
/// with typed attributes, <c>SequenceNumber</c>; https://docs.aws.amazon.com/amazondynamodb/latest/APIReference/API_streams_StreamRecord.html)
/// or a Debezium MySQL change event (<c>before</c>, <c>after</c>, <c>op</c> c/u/d, <c>source</c> with binlog file and
/// position; https://debezium.io/documentation/reference/stable/connectors/mysql.html#mysql-change-event-values).
/// </summary>
public sealed class ChangeRecordWriter(PipelineSpec pipeline, string region, string accountId)
{
    private long _sequence = 100_000_000_000_000_000;

    public JsonObject Insert(string key, IReadOnlyDictionary<string, string> row, DateTimeOffset at) => Write("INSERT", key, null, row, at);

    public JsonObject Modify(string key, IReadOnlyDictionary<string, string> before, IReadOnlyDictionary<string, string> after, DateTimeOffset at) =>
        Write("MODIFY", key, before, after, at);

    public JsonObject Remove(string key, IReadOnlyDictionary<string, string> before, DateTimeOffset at) => Write("REMOVE", key, before, null, at);

    private JsonObject Write(string operation, string key, IReadOnlyDictionary<string, string>? before, IReadOnlyDictionary<string, string>? after, DateTimeOffset at)
    {
        var sequence = ++_sequence;
        return pipeline.Source.Cdc.Kind switch
        {
            CdcKind.DynamoDbStream => StreamRecord(operation, key, before, after, at, sequence),
            CdcKind.Debezium => DebeziumEvent(operation, before, after, at, sequence),
            _ => throw new NotSupportedException($"simulate writes DynamoDB stream records or Debezium events; {pipeline.Name} lands DMS files (s3-files)."),
        };
    }

    private JsonObject StreamRecord(string operation, string key, IReadOnlyDictionary<string, string>? before, IReadOnlyDictionary<string, string>? after, DateTimeOffset at, long sequence)
    {
        var keyColumn = pipeline.Features.EntityKey;
        var stream = new JsonObject
        {
            ["ApproximateCreationDateTime"] = at.ToUnixTimeSeconds(),
            ["Keys"] = new JsonObject { [keyColumn] = new JsonObject { ["S"] = key } },
        };
        if (after is not null) stream["NewImage"] = Image(after, Attribute);
        if (before is not null) stream["OldImage"] = Image(before, Attribute);
        stream["SequenceNumber"] = sequence.ToString("D28", CultureInfo.InvariantCulture);
        stream["SizeBytes"] = 512;
        stream["StreamViewType"] = "NEW_AND_OLD_IMAGES";
        return new JsonObject
        {
            ["eventID"] = sequence.ToString("x", CultureInfo.InvariantCulture),
            ["eventName"] = operation,
            ["eventVersion"] = "1.1",
            ["eventSource"] = "aws:dynamodb",
            ["awsRegion"] = region,
            ["dynamodb"] = stream,
            ["eventSourceARN"] = $"arn:aws:dynamodb:{region}:{accountId}:table/{pipeline.Source.Table}/stream/2026-11-01T00:00:00.000",
        };
    }

    private JsonObject DebeziumEvent(string operation, IReadOnlyDictionary<string, string>? before, IReadOnlyDictionary<string, string>? after, DateTimeOffset at, long sequence) => new()
    {
        ["before"] = before is null ? null : Image(before, Plain),
        ["after"] = after is null ? null : Image(after, Plain),
        ["source"] = new JsonObject
        {
            ["version"] = "2.7.3.Final", ["connector"] = "mysql", ["name"] = "simulated", ["ts_ms"] = at.ToUnixTimeMilliseconds(),
            ["snapshot"] = "false", ["db"] = "simulated", ["table"] = pipeline.Source.Table, ["server_id"] = 1,
            ["file"] = "mysql-bin.000001", ["pos"] = sequence - 100_000_000_000_000_000, ["row"] = 0,
        },
        ["op"] = operation switch { "INSERT" => "c", "MODIFY" => "u", _ => "d" },
        ["ts_ms"] = at.ToUnixTimeMilliseconds(),
    };

    private JsonObject Image(IReadOnlyDictionary<string, string> row, Func<SourceColumn, string, JsonNode?> value)
    {
        var image = new JsonObject();
        foreach (var column in pipeline.Source.Columns)
        {
            if (row.TryGetValue(column.Name, out var text)) image[column.Name] = value(column, text);
        }
        return image;
    }

    /// <summary>A DynamoDB attribute value: N for numbers, BOOL, S otherwise; an empty number is NULL.</summary>
    private static JsonNode Attribute(SourceColumn column, string text) => column.Type switch
    {
        SourceColumnType.Integer or SourceColumnType.Number when text.Length == 0 => new JsonObject { ["NULL"] = true },
        SourceColumnType.Integer or SourceColumnType.Number => new JsonObject { ["N"] = text },
        SourceColumnType.Boolean => new JsonObject { ["BOOL"] = text is "1" or "true" or "True" },
        _ => new JsonObject { ["S"] = text },
    };

    /// <summary>A Debezium field: JSON numbers and booleans for typed columns, null when empty.</summary>
    private static JsonNode? Plain(SourceColumn column, string text) => text.Length == 0 && column.Type != SourceColumnType.String ? null : column.Type switch
    {
        SourceColumnType.Integer => long.Parse(text, CultureInfo.InvariantCulture),
        SourceColumnType.Number => double.Parse(text, CultureInfo.InvariantCulture),
        SourceColumnType.Boolean => text is "1" or "true" or "True",
        _ => text,
    };
}
