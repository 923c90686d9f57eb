using System.Text.Json.Nodes;

namespace TrainingOrchestration.LocalRuntime.Events;

/// <summary>An event as it went over the bus: the full envelope and every delivery it caused.</summary>
public sealed record RecordedEvent(JsonObject Event, IReadOnlyList<EventDelivery> Deliveries)
{
    public string Id => Event["id"]!.GetValue<string>();
    public string Source => Event["source"]!.GetValue<string>();
    public string DetailType => Event["detail-type"]!.GetValue<string>();
}
