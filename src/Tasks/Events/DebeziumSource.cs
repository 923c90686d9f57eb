using System.Text.Json;
using System.Text.Json.Serialization;

namespace TrainingOrchestration.Tasks.Events;

/// <summary>Debezium's <c>source</c> block. <c>snapshot</c> is a boolean in old versions and a string in new ones.</summary>
public sealed record DebeziumSource
{
    [JsonPropertyName("version")] public string? Version { get; init; }
    [JsonPropertyName("connector")] public string? Connector { get; init; }
    [JsonPropertyName("name")] public string? Name { get; init; }
    [JsonPropertyName("db")] public string? Database { get; init; }
    [JsonPropertyName("schema")] public string? Schema { get; init; }
    [JsonPropertyName("table")] public string? Table { get; init; }
    [JsonPropertyName("ts_ms")] public long? TimestampMs { get; init; }
    [JsonPropertyName("snapshot")] public JsonElement? Snapshot { get; init; }
}
