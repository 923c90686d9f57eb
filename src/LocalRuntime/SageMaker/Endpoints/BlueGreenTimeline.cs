using System.Text.Json.Nodes;

namespace TrainingOrchestration.LocalRuntime.SageMaker.Endpoints;

/// <summary>
/// When each thing happens in a blue/green update, from its <c>DeploymentConfig</c> (API_BlueGreenUpdatePolicy.html,
/// API_TrafficRoutingConfig.html): the new (green) fleet is provisioned, then traffic moves in steps — ALL_AT_ONCE one
/// step of 100 %, CANARY the canary's percentage then the rest, LINEAR steps of the step size — with
/// <c>WaitIntervalInSeconds</c> after each step (after the last one it is the baking period). The alarms are watched from
/// the first shift to the end of the baking period; then the old (blue) fleet is kept for <c>TerminationWaitInSeconds</c>
/// and the endpoint is InService on the new configuration. A deployment still not done after
/// <c>MaximumExecutionTimeoutInSeconds</c> rolls back.
/// </summary>
public sealed record BlueGreenTimeline(DateTimeOffset Start, TimeSpan Provisioning, IReadOnlyList<(DateTimeOffset At, int Percent)> Shifts,
    DateTimeOffset BakedAt, DateTimeOffset DoneAt, DateTimeOffset TimeoutAt)
{
    /// <summary>The traffic shifts start once the new fleet is up: the first shift's time.</summary>
    public DateTimeOffset MonitoringFrom => Shifts[0].At;

    public static BlueGreenTimeline Of(JsonObject? deploymentConfig, DateTimeOffset start, TimeSpan provisioning)
    {
        var policy = deploymentConfig?["BlueGreenUpdatePolicy"];
        var routing = policy?["TrafficRoutingConfiguration"];
        var type = JsonRead.String(routing?["Type"]) ?? "ALL_AT_ONCE";
        var wait = TimeSpan.FromSeconds(JsonRead.Int(routing?["WaitIntervalInSeconds"]) ?? 0);
        var termination = TimeSpan.FromSeconds(JsonRead.Int(policy?["TerminationWaitInSeconds"]) ?? 0);
        var timeout = TimeSpan.FromSeconds(JsonRead.Int(policy?["MaximumExecutionTimeoutInSeconds"]) ?? 28800);
        var percents = type switch
        {
            "CANARY" => [Percent(routing?["CanarySize"]), 100],
            "LINEAR" => Linear(Percent(routing?["LinearStepSize"])),
            _ => new List<int> { 100 },
        };
        var first = start + provisioning;
        var shifts = percents.Select((p, i) => (first + i * wait, p)).ToList();
        var baked = first + percents.Count * wait;
        return new BlueGreenTimeline(start, provisioning, shifts, baked, baked + termination, start + timeout);
    }

    /// <summary>The share of traffic on the new fleet at <paramref name="at"/>.</summary>
    public int PercentAt(DateTimeOffset at) => Shifts.LastOrDefault(s => s.At <= at).Percent;

    private static List<int> Linear(int step)
    {
        var steps = new List<int>();
        for (var p = step; p < 100; p += step) steps.Add(p);
        steps.Add(100);
        return steps;
    }

    /// <summary>A CapacitySize as a percentage of the fleet (INSTANCE_COUNT sizes are read against 100 instances' worth).</summary>
    private static int Percent(JsonNode? size) => Math.Clamp(JsonRead.Int(size?["Value"]) ?? 100, 1, 100);
}
