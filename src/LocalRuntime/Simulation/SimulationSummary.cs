using System.Text.Json.Nodes;
using TrainingOrchestration.LocalRuntime.CloudWatch;
using TrainingOrchestration.LocalRuntime.Sns;
using TrainingOrchestration.Pipelines.Conventions;
using static TrainingOrchestration.LocalRuntime.Simulation.PipelineSimulation;

namespace TrainingOrchestration.LocalRuntime.Simulation;

/// <summary>
/// What a simulated period produced, as the weekly review reads it: runs by outcome (and each failure's state and
/// error), the trigger's skips by reason (the <c>TriggerDecisions</c> metric's <c>Reason</c>), each alarm's state and
/// how often it went to ALARM, and the deliveries per topic and protocol; with the injected incidents and the runs they hit.
/// </summary>
public sealed record SimulationSummary(JsonObject Json)
{
    public static SimulationSummary Build(SimulationRequest request, string workspace, IReadOnlyList<JsonObject> items, LocalCloud cloud,
        SimulationClock clock, DataIncidents incidents, TimeSpan wallTime)
    {
        var pipeline = request.Pipeline.Name;
        var runs = items.Where(i => Text(i[TableKeys.SortKey]).StartsWith(TableKeys.RunPrefix, StringComparison.Ordinal)).ToList();
        var outcomes = new JsonObject();
        foreach (var group in runs.GroupBy(Outcome).OrderBy(g => g.Key, StringComparer.Ordinal)) outcomes[group.Key] = group.Count();
        var skips = new JsonObject();
        var decisions = cloud.Metrics.All.Where(d => d.Namespace == MetricNames.Namespace && d.Name == MetricNames.TriggerDecisions
            && d.Dimensions.GetValueOrDefault(MetricNames.DecisionDimension) == "SKIP");
        foreach (var group in decisions.GroupBy(d => d.Dimensions.GetValueOrDefault(MetricNames.ReasonDimension) ?? "").OrderBy(g => g.Key, StringComparer.Ordinal))
            skips[group.Key] = group.Sum(d => d.Value);
        var alarms = new JsonArray(LocalAlarms.Load(Path.Combine(workspace, "cloudwatch")).Select(p => p.Value).OfType<JsonObject>().Select(a => (JsonNode)new JsonObject
        {
            ["name"] = a["name"]?.DeepClone(),
            ["state"] = a["state"]?.DeepClone(),
            ["timesInAlarm"] = (a["transitions"] as JsonArray ?? []).Count(t => Text(t?["to"]) == AlarmEvaluator.Alarm),
        }).ToArray());
        var violated = runs.FirstOrDefault(r => clock.ViolatedAt is { } at && Started(r) >= at);
        var failedTraining = runs.FirstOrDefault(r => clock.FaultArmedAt is { } at && Started(r) >= at);
        return new SimulationSummary(new JsonObject
        {
            ["pipeline"] = pipeline,
            ["tier"] = request.Pipeline.Tier.ToString().ToLowerInvariant(),
            ["days"] = request.Days,
            ["seed"] = request.Seed,
            ["from"] = clock.Start.ToString("O"),
            ["to"] = clock.End.ToString("O"),
            ["workspace"] = workspace,
            ["runs"] = runs.Count,
            ["outcomes"] = outcomes,
            ["skips"] = skips,
            ["failures"] = new JsonArray(runs.Where(r => Text(r["status"]) == "FAILED").Select(r => (JsonNode)new JsonObject
            {
                ["runId"] = r["runId"]?.DeepClone(), ["failedState"] = r["failedState"]?.DeepClone(), ["error"] = r["error"]?.DeepClone(),
            }).ToArray()),
            ["incidents"] = new JsonObject
            {
                ["violation"] = Incident(clock.ViolatedAt, violated, $"{incidents.ViolatedColumn} out of rule {incidents.ViolatedRule.Id}"),
                ["repairedAt"] = clock.RepairedAt?.ToString("O"),
                ["trainingFailure"] = Incident(clock.FaultArmedAt, failedTraining, "SageMaker.ResourceLimitExceededException on StartTrainingJob"),
                ["drift"] = $"{incidents.DriftColumn} -{DataIncidents.DriftPerDay:P0} of its value per day on changed rows",
            },
            ["alarms"] = alarms,
            ["deliveries"] = Deliveries(cloud.Sns.Deliveries, pipeline),
            ["wallSeconds"] = Math.Round(wallTime.TotalSeconds, 1),
        });
    }

    /// <summary>Runs by outcome: the decision of a finished run (PROMOTED, REJECTED), FAILED, or the status of one still open.</summary>
    private static string Outcome(JsonObject run) => Text(run["status"]) switch
    {
        "SUCCEEDED" => Text(run["decision"]) is { Length: > 0 } decision ? decision : "SUCCEEDED",
        var status => status,
    };

    private static DateTimeOffset Started(JsonObject run) => DateTimeOffset.TryParse(Text(run["startedAt"]), out var at) ? at : DateTimeOffset.MinValue;

    private static JsonObject? Incident(DateTimeOffset? at, JsonObject? run, string what) => at is null ? null : new JsonObject
    {
        ["at"] = at.Value.ToString("O"),
        ["what"] = what,
        ["runId"] = run?["runId"]?.DeepClone(),
        ["status"] = run?["status"]?.DeepClone(),
        ["failedState"] = run?["failedState"]?.DeepClone(),
    };

    /// <summary>Deliveries per topic (notifications, paging) and, within each, per protocol.</summary>
    private static JsonObject Deliveries(IReadOnlyList<SnsDelivery> deliveries, string pipeline)
    {
        var result = new JsonObject { ["notifications"] = new JsonObject(), ["paging"] = new JsonObject() };
        foreach (var topic in deliveries.GroupBy(d => d.TopicArn.EndsWith(":" + ResourceNames.PagingTopic(pipeline), StringComparison.Ordinal) ? "paging" : "notifications"))
        {
            var byProtocol = (JsonObject)result[topic.Key]!;
            foreach (var protocol in topic.GroupBy(d => d.Protocol).OrderBy(g => g.Key, StringComparer.Ordinal)) byProtocol[protocol.Key] = protocol.Count();
        }
        return result;
    }
}
