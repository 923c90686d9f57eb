using System.Text.Json.Nodes;

namespace TrainingOrchestration.LocalRuntime.Glue;

/// <summary>
/// One run of a Glue job, rendered as Glue's <c>JobRun</c> structure the way Step Functions returns it from
/// <c>glue:startJobRun.sync</c> (timestamps as epoch milliseconds).
/// </summary>
public sealed record GlueJobRun(
    string Id,
    GlueJobDefinition Job,
    IReadOnlyDictionary<string, string> Arguments,
    DateTimeOffset StartedOn,
    DateTimeOffset CompletedOn,
    string JobRunState,
    string? ErrorMessage,
    FeatureJobOutcome? Outcome)
{
    /// <summary>Glue bills and reports whole seconds.</summary>
    public int ExecutionTime => (int)Math.Ceiling((CompletedOn - StartedOn).TotalSeconds);

    public JsonObject ToJson()
    {
        var dpuPerWorker = Job.WorkerType switch { "G.2X" => 2, "G.4X" => 4, "G.8X" => 8, "G.025X" => 0.25, _ => 1.0 };
        var capacity = Job.NumberOfWorkers * dpuPerWorker;
        var json = new JsonObject
        {
            ["Id"] = Id,
            ["Attempt"] = 0,
            ["JobName"] = Job.Name,
            ["JobMode"] = "SCRIPT",
            ["StartedOn"] = StartedOn.ToUnixTimeMilliseconds(),
            ["LastModifiedOn"] = CompletedOn.ToUnixTimeMilliseconds(),
            ["CompletedOn"] = CompletedOn.ToUnixTimeMilliseconds(),
            ["JobRunState"] = JobRunState,
            ["Arguments"] = new JsonObject(Arguments.Select(a => KeyValuePair.Create(a.Key, (JsonNode?)JsonValue.Create(a.Value)))),
            ["PredecessorRuns"] = new JsonArray(),
            ["AllocatedCapacity"] = (int)Math.Ceiling(capacity),
            ["ExecutionTime"] = ExecutionTime,
            ["Timeout"] = Job.TimeoutMinutes,
            ["MaxCapacity"] = capacity,
            ["WorkerType"] = Job.WorkerType,
            ["NumberOfWorkers"] = Job.NumberOfWorkers,
            ["LogGroupName"] = "/aws-glue/jobs",
            ["GlueVersion"] = Job.GlueVersion,
            ["DPUSeconds"] = ExecutionTime * capacity,
        };
        if (ErrorMessage is not null) json["ErrorMessage"] = ErrorMessage;
        return json;
    }
}
