using System.Text.Json;
using System.Text.Json.Serialization;
using TrainingOrchestration.Tasks.Events;
using TrainingOrchestration.Tasks.Json;

namespace TrainingOrchestration.Tasks.Cadence;

/// <summary>
/// Payload of <c>DecideCadence</c> (WORKFLOW.md trigger step 2): the triggering event, the trigger counter after
/// <c>CountChanges</c> and the time of the decision. <see cref="Counter"/> is read in any of the shapes the state
/// machine may pass: plain JSON, DynamoDB JSON (<c>{"N": "5"}</c>), or the whole UpdateItem result (<c>Attributes</c>).
/// </summary>
public sealed record DecideCadenceRequest
{
    [JsonPropertyName("event")] public CloudWatchEvent<JsonElement>? Event { get; init; }
    [JsonPropertyName("counter")] public JsonElement? Counter { get; init; }

    [JsonPropertyName("now"), JsonConverter(typeof(FlexibleTimestampConverter))]
    public DateTimeOffset? Now { get; init; }
}
