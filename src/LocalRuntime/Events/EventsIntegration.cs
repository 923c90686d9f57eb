using System.Text.Json;
using System.Text.Json.Nodes;
using TrainingOrchestration.Asl;
using TrainingOrchestration.LocalRuntime.Faults;

namespace TrainingOrchestration.LocalRuntime.Events;

/// <summary>
/// <c>arn:aws:states:::events:putEvents</c> (and <c>aws-sdk:eventbridge:putEvents</c>): turns PutEvents entries
/// (<c>Source</c>, <c>DetailType</c>, <c>Detail</c> as JSON text or object, <c>Resources</c>, <c>Time</c>) into events on the
/// local bus and answers like the API: <c>{"Entries":[{"EventId"}],"FailedEntryCount":0}</c>; with a failed entry the
/// optimized integration fails the task with <c>EventBridge.FailedEntry</c> and the response as the cause. An entry
/// over 256 KB fails the task with <c>EventBridge.ValidationException</c>, as the API refuses the whole request.
/// </summary>
public sealed class EventsIntegration(LocalEventBus bus) : IServiceIntegration
{
    public bool CanHandle(string resource) =>
        resource.Contains(":states:::events:putEvents", StringComparison.Ordinal) || resource.Contains(":states:::aws-sdk:eventbridge:putEvents", StringComparison.Ordinal);

    public async Task<JsonNode?> InvokeAsync(TaskRequest request, CancellationToken cancellationToken)
    {
        const string prefix = "EventBridge";
        var entries = request.Parameters?["Entries"] as JsonArray
            ?? throw new TaskFailedException($"{prefix}.ValidationException", "PutEvents needs Entries (1 to 10 events).");
        if (entries.Count is 0 or > 10) throw new TaskFailedException($"{prefix}.ValidationException", $"PutEvents takes 1 to 10 entries, got {entries.Count}.");
        // An entry over 256 KB fails the whole request, before any event is put (PutEventsEntrySize cites the docs).
        if (entries.OfType<JsonObject>().Any(e => PutEventsEntrySize.OfEntry(e) > PutEventsEntrySize.MaxBytes))
        {
            throw new TaskFailedException($"{prefix}.{PutEventsEntrySize.ErrorCode}", PutEventsEntrySize.ErrorMessage);
        }
        var results = new JsonArray();
        var failed = 0;
        foreach (var entry in entries.OfType<JsonObject>())
        {
            var detail = entry["Detail"];
            if (detail is JsonValue text && text.GetValueKind() == JsonValueKind.String) detail = JsonNode.Parse(text.GetValue<string>());
            if (entry["Source"] is null || entry["DetailType"] is null || detail is not JsonObject)
            {
                failed++;
                results.Add(new JsonObject { ["ErrorCode"] = "MalformedDetail", ["ErrorMessage"] = "Source, DetailType and a JSON object Detail are required." });
                continue;
            }
            var evt = new JsonObject
            {
                ["detail-type"] = entry["DetailType"]!.DeepClone(),
                ["source"] = entry["Source"]!.DeepClone(),
                ["resources"] = entry["Resources"]?.DeepClone() ?? new JsonArray(),
                ["detail"] = detail.DeepClone(),
            };
            if (entry["Time"] is { } time) evt["time"] = time.DeepClone();
            var recorded = await bus.PutEventAsync(evt);
            results.Add(new JsonObject { ["EventId"] = recorded.Id });
        }
        var response = new JsonObject { ["Entries"] = results, ["FailedEntryCount"] = failed };
        // The optimized integration fails the task when an entry failed (docs: step-functions/latest/dg/connect-eventbridge.html).
        if (failed > 0 && !request.IsAwsSdk) throw new TaskFailedException(AwsErrorNames.EventBridge.NameOf(AwsErrorNames.FailedEntry), response.ToJsonString());
        return response;
    }
}
