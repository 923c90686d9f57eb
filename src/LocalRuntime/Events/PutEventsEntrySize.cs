using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace TrainingOrchestration.LocalRuntime.Events;

/// <summary>
/// The size EventBridge gives a PutEvents entry, and its limit. From "Calculating Amazon EventBridge PutEvents event
/// entry size" (https://docs.aws.amazon.com/eventbridge/latest/userguide/eb-putevent-size.html): Time counts 14 bytes
/// when given; Source, DetailType, Detail and each Resources entry count the bytes of their UTF-8 form. An entry must
/// stay within 256 KB; over it, the whole request fails with <c>ValidationException</c> "Total size of the entries in
/// the request is over the limit." (the API's answer, e.g. awslabs/aws-service-catalog-puppet#563).
/// </summary>
public static class PutEventsEntrySize
{
    /// <summary>256 KB.</summary>
    public const int MaxBytes = 256 * 1024;

    /// <summary>The error AWS answers with, and its message.</summary>
    public const string ErrorCode = "ValidationException";
    public const string ErrorMessage = "Total size of the entries in the request is over the limit.";

    /// <summary>A PutEvents request entry: <c>Source</c>, <c>DetailType</c>, <c>Detail</c> (JSON text), <c>Resources</c>, <c>Time</c>.</summary>
    public static long OfEntry(JsonObject entry) =>
        (entry["Time"] is null ? 0 : 14) + Bytes(entry["Source"]) + Bytes(entry["DetailType"]) + Bytes(entry["Detail"]) + ResourceBytes(entry["Resources"]);

    /// <summary>An event as a file or the bus holds it (<c>source</c>, <c>detail-type</c>, <c>detail</c> object, <c>resources</c>, <c>time</c>): the entry it would be sent as.</summary>
    public static long OfEvent(JsonObject evt) =>
        (evt["time"] is null ? 0 : 14) + Bytes(evt["source"]) + Bytes(evt["detail-type"]) + Bytes(evt["detail"]) + ResourceBytes(evt["resources"]);

    private static long ResourceBytes(JsonNode? resources) => resources is JsonArray list ? list.Sum(Bytes) : 0;

    /// <summary>A string counts its text; anything else (a Detail object) the JSON text it is sent as.</summary>
    private static long Bytes(JsonNode? node) => node switch
    {
        null => 0,
        JsonValue value when value.GetValueKind() == JsonValueKind.String => Encoding.UTF8.GetByteCount(value.GetValue<string>()),
        _ => Encoding.UTF8.GetByteCount(node.ToJsonString()),
    };
}
