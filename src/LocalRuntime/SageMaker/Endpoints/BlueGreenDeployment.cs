using System.Text.Json.Nodes;

namespace TrainingOrchestration.LocalRuntime.SageMaker.Endpoints;

/// <summary>
/// Moves a local endpoint's pending deployment forward to a time. A create is InService once the fleet is up. An update
/// follows its <see cref="BlueGreenTimeline"/>: while traffic shifts and bakes, the fleets serve traffic
/// (<see cref="EndpointTraffic"/> publishes the variant's metrics) and the watched alarms (<c>AutoRollbackConfiguration</c>)
/// are read; the first one in ALARM rolls the deployment back at that moment — the old fleet is still up, so traffic
/// returns to it at once and the endpoint is InService on its old configuration, with <c>FailureReason</c> saying why
/// (API_DescribeEndpoint.html: "the status is InService but update operation fails"). The reason's wording is this
/// stand-in's; AWS does not document it. A deployment not done by MaximumExecutionTimeoutInSeconds rolls back too.
/// </summary>
/// <param name="firstAlarm">The first of the named alarms in ALARM between two times (exclusive, inclusive), with when.</param>
public sealed class BlueGreenDeployment(EndpointTraffic traffic, Func<IReadOnlyList<string>, DateTimeOffset, DateTimeOffset, (string Alarm, DateTimeOffset At)?> firstAlarm)
{
    public EndpointTraffic Traffic => traffic;

    public void Advance(JsonObject endpoint, JsonObject configs, DateTimeOffset now, TimeSpan provisioning)
    {
        if (endpoint["pending"] is not JsonObject pending) return;
        var start = DateTimeOffset.Parse(JsonRead.String(pending["StartTime"])!);
        var target = JsonRead.String(pending["EndpointConfigName"])!;
        if (JsonRead.String(pending["kind"]) == "create")
        {
            if (now >= start + provisioning) Settle(endpoint, target, start + provisioning, 100);
            return;
        }

        var name = JsonRead.String(endpoint["EndpointName"])!;
        var variant = JsonRead.String(configs[target]?["ProductionVariants"]?[0]?["VariantName"]) ?? "";
        var timeline = BlueGreenTimeline.Of(pending["DeploymentConfig"] as JsonObject, start, provisioning);
        var alarms = (pending["DeploymentConfig"]?["AutoRollbackConfiguration"]?["Alarms"] as JsonArray ?? [])
            .Select(a => JsonRead.String(a?["AlarmName"]) ?? "").Where(a => a.Length > 0).ToList();
        var from = pending["monitoredUntil"] is { } until ? DateTimeOffset.Parse(JsonRead.String(until)!) : timeline.MonitoringFrom;
        var to = Min(now, Min(timeline.BakedAt, timeline.TimeoutAt));
        if (to > from)
        {
            traffic.Serve(name, variant, timeline, from, to);
            if (alarms.Count > 0 && firstAlarm(alarms, from, to) is { } hit)
            {
                RecordShifts(endpoint, target, timeline, hit.At);
                RollBack(endpoint, pending, hit.At, $"Deployment rolled back: CloudWatch alarm {hit.Alarm} went into ALARM at {hit.At:O} "
                    + $"with {timeline.PercentAt(hit.At)}% of traffic on endpoint configuration {target}.");
                return;
            }
            pending["monitoredUntil"] = to.ToString("O");
        }
        RecordShifts(endpoint, target, timeline, now);
        if (now >= timeline.TimeoutAt && timeline.DoneAt > timeline.TimeoutAt)
        {
            RollBack(endpoint, pending, timeline.TimeoutAt, $"Deployment rolled back: it did not finish within MaximumExecutionTimeoutInSeconds "
                + $"({(timeline.TimeoutAt - timeline.Start).TotalSeconds:0}).");
            return;
        }
        if (now < timeline.DoneAt) return;
        endpoint["LastDeploymentConfig"] = pending["DeploymentConfig"]?.DeepClone();
        Settle(endpoint, target, timeline.DoneAt, null);
    }

    private static void RecordShifts(JsonObject endpoint, string target, BlueGreenTimeline timeline, DateTimeOffset now)
    {
        var shifts = (JsonArray)endpoint["shifts"]!;
        var recorded = shifts.Count(s => JsonRead.String(s?["EndpointConfigName"]) == target && JsonRead.String(s?["kind"]) == "shift");
        foreach (var (at, percent) in timeline.Shifts.Skip(recorded).Where(s => s.At <= now))
        {
            shifts.Add(new JsonObject { ["kind"] = "shift", ["EndpointConfigName"] = target, ["time"] = at.ToString("O"), ["percent"] = percent });
        }
    }

    private static void RollBack(JsonObject endpoint, JsonObject pending, DateTimeOffset at, string reason)
    {
        ((JsonArray)endpoint["shifts"]!).Add(new JsonObject
        {
            ["kind"] = "rollback", ["EndpointConfigName"] = pending["EndpointConfigName"]!.DeepClone(), ["time"] = at.ToString("O"), ["percent"] = 0,
        });
        endpoint["LastDeploymentConfig"] = pending["DeploymentConfig"]?.DeepClone();
        endpoint["FailureReason"] = reason;
        endpoint["EndpointStatus"] = "InService";
        endpoint["LastModifiedTime"] = at.ToString("O");
        endpoint.Remove("pending");
    }

    private static void Settle(JsonObject endpoint, string config, DateTimeOffset at, int? percent)
    {
        if (percent is { } p)
        {
            ((JsonArray)endpoint["shifts"]!).Add(new JsonObject { ["kind"] = "create", ["EndpointConfigName"] = config, ["time"] = at.ToString("O"), ["percent"] = p });
        }
        endpoint["EndpointConfigName"] = config;
        endpoint["EndpointStatus"] = "InService";
        endpoint["LastModifiedTime"] = at.ToString("O");
        endpoint.Remove("FailureReason");
        endpoint.Remove("pending");
    }

    private static DateTimeOffset Min(DateTimeOffset a, DateTimeOffset b) => a < b ? a : b;
}
