using System.Text.Json.Nodes;
using TrainingOrchestration.Asl.Runtime;

namespace TrainingOrchestration.Asl;

/// <summary>
/// One GetExecutionHistory event: AWS's type (<c>TaskScheduled</c>, <c>MapIterationStarted</c>...) and its
/// details object under AWS's key (<c>taskScheduledEventDetails</c>...), with AWS's field names inside.
/// </summary>
public sealed class HistoryEvent
{
    private readonly EventDetails? _recorded;
    private JsonObject? _details;

    /// <summary>An event with its details already built (tests and readers of recorded histories).</summary>
    public HistoryEvent(long id, long previousEventId, DateTimeOffset timestamp, string type, string? detailsKey, JsonObject? details)
        : this(id, previousEventId, timestamp, type, detailsKey, details is null ? null : new EventDetails.Json(details), recorded: true)
    {
    }

    internal HistoryEvent(long id, long previousEventId, DateTimeOffset timestamp, string type, string? detailsKey, EventDetails? details, bool recorded)
    {
        Id = id;
        PreviousEventId = previousEventId;
        Timestamp = timestamp;
        Type = type;
        DetailsKey = details is null ? null : detailsKey;
        _recorded = details;
    }

    public long Id { get; }

    public long PreviousEventId { get; }

    public DateTimeOffset Timestamp { get; }

    public string Type { get; }

    public string? DetailsKey { get; }

    /// <summary>The details object (built from the recorded fields on first read, then the same object).</summary>
    public JsonObject? Details => _recorded is null ? null : LazyInitializer.EnsureInitialized(ref _details, _recorded.ToJson);

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
        if (DetailsKey is not null && Details is { } details) json[DetailsKey] = details.DeepClone();
        return json;
    }
}
