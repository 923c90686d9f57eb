using System.Text.Json.Nodes;
using TrainingOrchestration.Asl;
using TrainingOrchestration.Pipelines.Schedules;
using TrainingOrchestration.Pipelines.Conventions;

namespace TrainingOrchestration.LocalRuntime.Events;

/// <summary>
/// Fires the template's scheduled rules (<c>cron(...)</c>, <c>rate(...)</c>) on the virtual clock. Schedules fire only
/// when asked up to a point in time, because an auto-advancing virtual clock would otherwise run an hourly schedule
/// forever; each firing moves the clock to its time and sends EventBridge's "Scheduled Event" to the rule's targets.
/// </summary>
public sealed class ScheduledRules(LocalEventBus bus, VirtualClock clock, IEventTargetDispatcher targets, string region, string accountId)
{
    /// <summary>Fires every scheduled rule occurrence after the clock's current time up to <paramref name="until"/>, in time order.</summary>
    /// <param name="settle">Awaited after each firing (e.g. wait until the started executions finish) before time moves on.</param>
    public async Task<IReadOnlyList<RecordedEvent>> FireUntilAsync(DateTimeOffset until, Func<Task>? settle = null)
    {
        var fired = new List<RecordedEvent>();
        var rules = bus.Rules.Where(r => r.Enabled && r.ScheduleExpression is not null).ToList();
        while (true)
        {
            var now = clock.UtcNow;
            var next = rules
                .Select(r => (Rule: r, At: EventBridgeScheduleClock.NextOccurrence(r.ScheduleExpression!, now)))
                .Where(x => x.At is { } at && at <= until)
                .OrderBy(x => x.At)
                .FirstOrDefault();
            if (next.Rule is null) return fired;
            if (next.At!.Value > now) clock.Advance(next.At.Value - now);
            var evt = new JsonObject
            {
                ["version"] = "0",
                ["id"] = Guid.NewGuid().ToString(),
                ["detail-type"] = DetailTypes.ScheduledEvent,
                ["source"] = DetailTypes.ScheduleSource,
                ["account"] = accountId,
                ["time"] = next.At.Value.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ssZ"),
                ["region"] = region,
                ["resources"] = new JsonArray(next.Rule.Arn),
                ["detail"] = new JsonObject(),
            };
            var deliveries = new List<EventDelivery>();
            foreach (var target in next.Rule.Targets) deliveries.Add(await targets.DeliverAsync(next.Rule, target, target.Render(evt, next.Rule)));
            fired.Add(new RecordedEvent(evt, deliveries));
            if (settle is not null) await settle();
        }
    }
}
