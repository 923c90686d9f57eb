using System.Globalization;
using System.Text.Json.Nodes;

namespace TrainingOrchestration.LocalRuntime.SageMaker;

/// <summary>
/// Renders a <see cref="TrainingJob"/> as SageMaker's DescribeTrainingJob response; the "SageMaker Training Job
/// State Change" event's detail is the same structure with epoch-millisecond strings and Tags as a map.
/// </summary>
public static class TrainingJobDescription
{
    public static JsonObject ToJson(TrainingJob job, TimestampStyle style)
    {
        var request = job.Request;
        var json = new JsonObject
        {
            ["TrainingJobName"] = job.Name,
            ["TrainingJobArn"] = job.Arn,
            ["TrainingJobStatus"] = job.Status,
            ["SecondaryStatus"] = job.SecondaryStatus,
        };
        if (job.FailureReason is not null) json["FailureReason"] = job.FailureReason;
        if (job.ModelArtifact is not null) json["ModelArtifacts"] = new JsonObject { ["S3ModelArtifacts"] = job.ModelArtifact };
        json["HyperParameters"] = request["HyperParameters"]?.DeepClone() ?? new JsonObject();
        foreach (var key in new[] { "AlgorithmSpecification", "RoleArn", "InputDataConfig", "OutputDataConfig", "ResourceConfig", "StoppingCondition", "CheckpointConfig" })
        {
            if (request[key] is { } value) json[key] = value.DeepClone();
        }
        if (style == TimestampStyle.EpochMillisecondsString) json["VpcConfig"] = request["VpcConfig"]?.DeepClone() ?? new JsonObject();
        json["EnableNetworkIsolation"] = request["EnableNetworkIsolation"]?.DeepClone() ?? false;
        json["EnableInterContainerTrafficEncryption"] = request["EnableInterContainerTrafficEncryption"]?.DeepClone() ?? false;
        json["EnableManagedSpotTraining"] = request["EnableManagedSpotTraining"]?.DeepClone() ?? false;
        json["CreationTime"] = Time(job.CreationTime, style);
        if (job.TrainingStartTime is { } start) json["TrainingStartTime"] = Time(start, style);
        if (job.TrainingEndTime is { } end) json["TrainingEndTime"] = Time(end, style);
        json["LastModifiedTime"] = Time(job.LastModifiedTime, style);
        json["SecondaryStatusTransitions"] = new JsonArray(job.Transitions.Select(t => (JsonNode)Transition(t, style)).ToArray());
        if (job.FinalMetrics.Count > 0)
        {
            var at = job.TrainingEndTime ?? job.LastModifiedTime;
            json["FinalMetricDataList"] = new JsonArray(job.FinalMetrics
                .Where(m => double.IsFinite(m.Value))
                .Select(m => (JsonNode)new JsonObject { ["MetricName"] = m.Key, ["Value"] = m.Value, ["Timestamp"] = Time(at, style) })
                .ToArray());
        }
        if (job.TrainingStartTime is { } s && job.TrainingEndTime is { } e)
        {
            var seconds = Math.Max(1, (int)Math.Ceiling((e - s).TotalSeconds));
            json["TrainingTimeInSeconds"] = seconds;
            json["BillableTimeInSeconds"] = seconds;
        }
        json["Tags"] = style == TimestampStyle.EpochMillisecondsString ? TagMap(request["Tags"]) : null;
        if (json["Tags"] is null) json.Remove("Tags");
        return json;
    }

    private static JsonObject Transition(SecondaryStatusTransition t, TimestampStyle style)
    {
        var json = new JsonObject { ["Status"] = t.Status, ["StartTime"] = Time(t.StartTime, style) };
        if (t.EndTime is { } end) json["EndTime"] = Time(end, style);
        json["StatusMessage"] = t.StatusMessage;
        return json;
    }

    /// <summary>The event's <c>Tags</c>: a map, where the API takes a list of <c>{Key, Value}</c>.</summary>
    private static JsonObject TagMap(JsonNode? tags)
    {
        var map = new JsonObject();
        if (tags is JsonArray list)
        {
            foreach (var tag in list.OfType<JsonObject>())
            {
                if (tag["Key"]?.GetValue<string>() is { } key) map[key] = tag["Value"]?.DeepClone();
            }
        }
        return map;
    }

    internal static JsonNode Time(DateTimeOffset at, TimestampStyle style) => style switch
    {
        TimestampStyle.EpochMilliseconds => JsonValue.Create(at.ToUnixTimeMilliseconds()),
        TimestampStyle.EpochMillisecondsString => JsonValue.Create(at.ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture)),
        _ => JsonValue.Create(at.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ss.fffZ", CultureInfo.InvariantCulture)),
    };
}
