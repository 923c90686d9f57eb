using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using TrainingOrchestration.Asl;

namespace TrainingOrchestration.LocalRuntime.Events;

/// <summary>
/// The account's default event bus, in process: fills the envelope of each event put on it, records it, matches it
/// against every enabled rule with EventBridge's pattern semantics, and hands the rendered input to each target of each
/// matching rule through <see cref="IEventTargetDispatcher"/>.
/// </summary>
public sealed class LocalEventBus(IClock clock, IEventTargetDispatcher targets, string region = "us-east-1", string accountId = "123456789012") : ILocalEventBus
{
    private readonly ConcurrentDictionary<string, EventRule> _rules = new();
    private readonly ConcurrentQueue<RecordedEvent> _events = new();

    public IReadOnlyCollection<EventRule> Rules => _rules.Values.ToList();

    /// <summary>Every event put on the bus, in order, with where it was delivered.</summary>
    public IReadOnlyList<RecordedEvent> Events => _events.ToList();

    public void AddRule(EventRule rule) => _rules[rule.Name] = rule;

    private volatile Func<JsonObject, bool>? _lose;

    /// <summary>
    /// Fault injection: events matching <paramref name="lose"/> are recorded but reach no rule, as when EventBridge
    /// delivery fails past its retries. Tests use it to prove a workflow recovers from a lost event.
    /// </summary>
    public void LoseEventsWhere(Func<JsonObject, bool>? lose) => _lose = lose;

    public async Task PutEventsAsync(IEnumerable<JsonNode> entries)
    {
        foreach (var entry in entries) await PutEventAsync(entry);
    }

    /// <summary>Puts one event and returns its record (its id and the deliveries made).</summary>
    public async Task<RecordedEvent> PutEventAsync(JsonNode entry)
    {
        var evt = Envelope(entry);
        var deliveries = new List<EventDelivery>();
        if (_lose?.Invoke(evt) == true)
        {
            var lost = new RecordedEvent(evt, [new EventDelivery("(none)", "(none)", null, "lost in transit (fault injection)")]);
            _events.Enqueue(lost);
            return lost;
        }
        foreach (var rule in _rules.Values.Where(r => r.Enabled && r.Pattern is not null && r.Pattern.Matches(evt)))
        {
            foreach (var target in rule.Targets)
            {
                string input;
                try
                {
                    input = target.Render(evt, rule);
                }
                catch (Exception ex) when (ex is FormatException or InvalidOperationException)
                {
                    deliveries.Add(new EventDelivery(rule.Name, target.Arn, null, $"input transformation failed: {ex.Message}"));
                    continue;
                }
                deliveries.Add(await targets.DeliverAsync(rule, target, input));
            }
        }
        var recorded = new RecordedEvent(evt, deliveries);
        _events.Enqueue(recorded);
        return recorded;
    }

    /// <summary>The event as the bus would put it (envelope filled in), without putting it: what rules are matched against.</summary>
    public JsonObject EnvelopeOf(JsonNode entry) => Envelope(entry);

    private JsonObject Envelope(JsonNode entry)
    {
        var evt = entry.DeepClone() as JsonObject ?? throw new ArgumentException("An event must be a JSON object.", nameof(entry));
        if (evt["source"] is null || evt["detail-type"] is null || evt["detail"] is null)
        {
            throw new ArgumentException($"An event needs source, detail-type and detail: {evt.ToJsonString()}", nameof(entry));
        }
        var ordered = new JsonObject
        {
            ["version"] = evt["version"]?.DeepClone() ?? "0",
            ["id"] = evt["id"]?.DeepClone() ?? Guid.NewGuid().ToString(),
            ["detail-type"] = evt["detail-type"]!.DeepClone(),
            ["source"] = evt["source"]!.DeepClone(),
            ["account"] = evt["account"]?.DeepClone() ?? accountId,
            ["time"] = evt["time"]?.DeepClone() ?? clock.UtcNow.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ssZ"),
            ["region"] = evt["region"]?.DeepClone() ?? region,
            ["resources"] = evt["resources"]?.DeepClone() ?? new JsonArray(),
            ["detail"] = evt["detail"]!.DeepClone(),
        };
        foreach (var (key, value) in evt)
        {
            if (!ordered.ContainsKey(key)) ordered[key] = value?.DeepClone();
        }
        return ordered;
    }
}
