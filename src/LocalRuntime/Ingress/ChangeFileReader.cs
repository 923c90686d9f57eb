using System.Text.Json;
using System.Text.Json.Nodes;
using TrainingOrchestration.Pipelines.Spec;

namespace TrainingOrchestration.LocalRuntime.Ingress;

/// <summary>
/// Reads a change file in the source's native shape for <c>run --changes</c>: DynamoDB stream records (JSON Lines, or a
/// Lambda-style <c>{"Records": [...]}</c> document, or a JSON array as a Pipe delivers a batch) or Debezium messages
/// (JSON Lines of the message value, with or without the <c>{"schema", "payload"}</c> envelope; a tombstone is written
/// <c>{"key": {...}, "value": null}</c>). A line that is not such a record fails with the file and line named.
/// </summary>
public static class ChangeFileReader
{
    public static IReadOnlyList<ChangeRecord> Read(string path, CdcKind kind)
    {
        var text = File.ReadAllText(path); // File.ReadAllText drops a UTF-8 byte order mark
        var trimmed = text.TrimStart();
        if (kind == CdcKind.DynamoDbStream && (trimmed.StartsWith('[') || trimmed.StartsWith("{\"Records\"", StringComparison.Ordinal) || IsRecordsDocument(trimmed)))
        {
            var document = Parse(trimmed, path, 1);
            var records = document is JsonArray array ? array : document?["Records"] as JsonArray
                ?? throw new FormatException($"{path}: expected a JSON array of stream records or an object with 'Records'.");
            return records.Select((r, i) => Check(r as JsonObject, kind, path, i + 1, $"record {i + 1}")).ToList();
        }
        var result = new List<ChangeRecord>();
        var number = 0;
        foreach (var line in text.Split('\n'))
        {
            number++;
            if (line.Trim().Length == 0) continue;
            result.Add(Check(Parse(line, path, number) as JsonObject, kind, path, number, $"line {number}"));
        }
        return result;
    }

    /// <summary>
    /// When the file's last change happened (DynamoDB ApproximateCreationDateTime, Debezium source.ts_ms), so an offline
    /// run's clock starts where the changes end; null when the records carry no time (or for DMS CSV).
    /// </summary>
    public static DateTimeOffset? LatestChangeTime(string path, CdcKind kind)
    {
        if (kind == CdcKind.S3Files) return null;
        double? latest = null;
        foreach (var change in Read(path, kind))
        {
            var r = change.Record;
            var seconds = kind == CdcKind.DynamoDbStream
                ? Number(r["dynamodb"]?["ApproximateCreationDateTime"])
                : Number((r["payload"] ?? r)["source"]?["ts_ms"]) / 1000;
            if (seconds is { } s && (latest is null || s > latest)) latest = s;
        }
        return latest is { } value ? DateTimeOffset.FromUnixTimeMilliseconds((long)(value * 1000)) : null;
    }

    private static double? Number(JsonNode? node) => node is JsonValue v && v.TryGetValue<double>(out var d) ? d : null;

    private static bool IsRecordsDocument(string text)
    {
        if (!text.StartsWith('{') || text.Split('\n').Count(l => l.Trim().Length > 0) == 1) return false;
        try { return JsonNode.Parse(text)?["Records"] is JsonArray; }
        catch (JsonException) { return false; }
    }

    private static JsonNode? Parse(string text, string path, int line)
    {
        try
        {
            return JsonNode.Parse(text);
        }
        catch (JsonException e)
        {
            throw new FormatException($"{path} line {line}: not JSON ({e.Message})", e);
        }
    }

    private static ChangeRecord Check(JsonObject? record, CdcKind kind, string path, int line, string where)
    {
        if (record is null) throw new FormatException($"{path} {where}: expected a JSON object.");
        var ok = kind switch
        {
            CdcKind.DynamoDbStream => record["eventName"] is not null && record["dynamodb"] is JsonObject,
            CdcKind.Debezium => record["op"] is not null || record["payload"] is JsonObject || (record.ContainsKey("value") && record["value"] is null && record["key"] is not null),
            _ => false,
        };
        if (!ok)
        {
            throw new FormatException(kind == CdcKind.DynamoDbStream
                ? $"{path} {where}: not a DynamoDB stream record (it needs eventName and dynamodb)."
                : $"{path} {where}: not a Debezium message (it needs op, or a payload envelope) nor a tombstone {{\"key\": ..., \"value\": null}}.");
        }
        return new ChangeRecord(record, line);
    }
}
