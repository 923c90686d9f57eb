using System.Text.Json.Nodes;

namespace TrainingOrchestration.Asl;

/// <summary>
/// One GetExecutionHistory event: AWS's type (<c>TaskScheduled</c>, <c>MapIterationStarted</c>...) and its
/// details object under AWS's key (<c>taskScheduledEventDetails</c>...), with AWS's field names inside.
/// </summary>
public sealed record HistoryEvent(
    long Id,
    long PreviousEventId,
    DateTimeOffset Timestamp,
    string Type,
    string? DetailsKey,
    JsonObject? Details)
{
    /// <summary>The event as the API returns it: <c>{"id":..,"previousEventId":..,"timestamp":..,"type":..,"&lt;x&gt;EventDetails":{..}}</c>.</summary>
    public JsonObject ToJson()
    {
        var json = new JsonObject
        {
            ["id"] = Id,
            ["previousEventId"] = PreviousEventId,
            ["timestamp"] = Timestamp.ToString("O"),
            ["type"] = Type,
        };
        if (DetailsKey is not null && Details is not null) json[DetailsKey] = Details.DeepClone();
        return json;
    }
}
