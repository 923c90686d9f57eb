using System.Text.Json.Nodes;

namespace TrainingOrchestration.Asl.Runtime;

/// <summary>An execution's event log, numbered from 1 as GetExecutionHistory shows it.</summary>
internal sealed class ExecutionHistory(ClockDriver clock)
{
    private readonly List<HistoryEvent> _events = [];

    public long Add(string type, JsonObject? details, long previousEventId)
    {
        lock (_events)
        {
            var id = _events.Count + 1L;
            _events.Add(new HistoryEvent(id, previousEventId, clock.Now, type, details is null ? null : DetailsKey(type), details));
            return id;
        }
    }

    public long LastId
    {
        get { lock (_events) { return _events.Count; } }
    }

    public IReadOnlyList<HistoryEvent> Snapshot()
    {
        lock (_events) { return _events.ToArray(); }
    }

    private static string DetailsKey(string type)
    {
        if (type.EndsWith("StateEntered", StringComparison.Ordinal)) return "stateEnteredEventDetails";
        if (type.EndsWith("StateExited", StringComparison.Ordinal)) return "stateExitedEventDetails";
        if (type.StartsWith("MapIteration", StringComparison.Ordinal)) return "mapIteration" + type["MapIteration".Length..] + "EventDetails";
        return char.ToLowerInvariant(type[0]) + type[1..] + "EventDetails";
    }
}
