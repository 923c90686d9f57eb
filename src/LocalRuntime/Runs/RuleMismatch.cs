using System.Text.Json.Nodes;
using TrainingOrchestration.LocalRuntime.Events;

namespace TrainingOrchestration.LocalRuntime.Runs;

/// <summary>A rule of the pipeline's stack that an event did not match, and the fields that made it miss.</summary>
public sealed record RuleMismatch(string Rule, IReadOnlyList<PatternMismatch> Fields)
{
    /// <summary>
    /// Empty when some enabled rule on the bus matches the event (as the bus would fill its envelope); otherwise every
    /// enabled pattern rule (schedules match no event), each with why it missed.
    /// </summary>
    public static IReadOnlyList<RuleMismatch> Unmatched(LocalEventBus bus, JsonObject evt)
    {
        var envelope = bus.EnvelopeOf(evt);
        var rules = bus.Rules.Where(r => r.Enabled && r.Pattern is not null).OrderBy(r => r.Name, StringComparer.Ordinal).ToList();
        if (rules.Any(r => r.Pattern!.Matches(envelope))) return [];
        return rules.Select(r => new RuleMismatch(r.Name, r.Pattern!.Mismatches(envelope))).ToList();
    }

    public override string ToString() => $"rule {Rule}: {string.Join("; ", Fields)}";
}
