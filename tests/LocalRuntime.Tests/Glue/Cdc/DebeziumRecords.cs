using System.Text;
using System.Text.Json.Nodes;

namespace TrainingOrchestration.LocalRuntime.Tests.Glue.Cdc;

/// <summary>
/// Builds Debezium change events for the <c>accounts</c> table (PostgreSQL connector, JSON converter without schemas)
/// wrapped as the Kafka records an EventBridge Pipe delivers: key and value base64-encoded; a tombstone has a null value.
/// </summary>
public static class DebeziumRecords
{
    private static long offset;

    public static string Create(string id, long lsn, string name, double score, bool active) => Kafka(id, Message("c", id, lsn, null, After(id, name, score, active)));

    public static string Update(string id, long lsn, string name, double score, bool active) =>
        Kafka(id, Message("u", id, lsn, new JsonObject { ["id"] = id }, After(id, name, score, active)));

    public static string Delete(string id, long lsn) => Kafka(id, Message("d", id, lsn, new JsonObject { ["id"] = id }, null));

    public static string Read(string id, long lsn, string name, double score, bool active) => Kafka(id, Message("r", id, lsn, null, After(id, name, score, active)));

    public static string Tombstone(string id) => Kafka(id, null);

    /// <summary>A message in the JSON converter's envelope with <c>schemas.enable=true</c>: {"schema": ..., "payload": ...}.</summary>
    public static string WithSchema(string id, long lsn, string name, double score, bool active) =>
        Kafka(id, new JsonObject { ["schema"] = new JsonObject { ["type"] = "struct" }, ["payload"] = Message("c", id, lsn, null, After(id, name, score, active)) });

    public static JsonObject After(string id, string name, double score, bool active) =>
        new() { ["id"] = id, ["name"] = name, ["score"] = score, ["active"] = active };

    public static JsonObject Message(string op, string id, long lsn, JsonObject? before, JsonObject? after) => new()
    {
        ["before"] = before,
        ["after"] = after,
        ["source"] = new JsonObject
        {
            ["version"] = "2.7.3.Final", ["connector"] = "postgresql", ["name"] = "billing", ["ts_ms"] = 1795428000000 + lsn,
            ["snapshot"] = op == "r" ? "true" : "false", ["db"] = "billing", ["schema"] = "public", ["table"] = "accounts", ["lsn"] = lsn,
        },
        ["op"] = op,
        ["ts_ms"] = 1795428000500 + lsn,
    };

    public static string Kafka(string id, JsonObject? value) => new JsonObject
    {
        ["eventSource"] = "aws:kafka",
        ["eventSourceArn"] = "arn:aws:kafka:eu-west-2:123456789012:cluster/billing/abcd1234-abcd-cafe-abab-9876543210ab-4",
        ["eventSourceKey"] = "billing.public.accounts-0",
        ["topic"] = "billing.public.accounts",
        ["partition"] = 0,
        ["offset"] = Interlocked.Increment(ref offset),
        ["timestamp"] = 1795428000000,
        ["timestampType"] = "CREATE_TIME",
        ["key"] = Convert.ToBase64String(Encoding.UTF8.GetBytes(new JsonObject { ["id"] = id }.ToJsonString())),
        ["value"] = value is null ? null : Convert.ToBase64String(Encoding.UTF8.GetBytes(value.ToJsonString())),
        ["headers"] = new JsonArray(),
    }.ToJsonString();
}
