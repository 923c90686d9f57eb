using System.Text.Json.Nodes;

namespace TrainingOrchestration.LocalRuntime.Events;

/// <summary>An EventBridge rule as the template declares it: a pattern or a schedule, and its targets.</summary>
public sealed record EventRule(string Name, string Arn, EventPattern? Pattern, string? ScheduleExpression, bool Enabled, IReadOnlyList<RuleTarget> Targets)
{
    /// <summary>Builds a rule from an <c>AWS::Events::Rule</c>'s resolved properties.</summary>
    public static EventRule FromProperties(string name, string arn, JsonObject properties)
    {
        var pattern = properties["EventPattern"] is { } p ? EventPattern.Parse(p) : null;
        var targets = (properties["Targets"] as JsonArray ?? []).Select(t => RuleTarget.FromProperties(t!.AsObject())).ToList();
        var enabled = properties["State"]?.GetValue<string>() is null or "ENABLED";
        return new EventRule(name, arn, pattern, properties["ScheduleExpression"]?.GetValue<string>(), enabled, targets);
    }
}
