using System.Text.Json.Nodes;

namespace TrainingOrchestration.LocalRuntime.SageMaker;

/// <summary>A local batch transform job and its outcome, rendered as DescribeTransformJob.</summary>
public sealed class TransformJob(string name, string arn, JsonObject request, DateTimeOffset createdAt)
{
    public string Name { get; } = name;
    public string Arn { get; } = arn;
    public JsonObject Request { get; } = request;
    public DateTimeOffset CreationTime { get; } = createdAt;
    public string Status { get; private set; } = "InProgress";
    public string? FailureReason { get; private set; }
    public DateTimeOffset? EndTime { get; private set; }

    internal void Finish(string status, string? failureReason, DateTimeOffset at)
    {
        Status = status;
        FailureReason = failureReason;
        EndTime = at;
    }

    public JsonObject ToJson(TimestampStyle style)
    {
        var json = new JsonObject
        {
            ["TransformJobName"] = Name,
            ["TransformJobArn"] = Arn,
            ["TransformJobStatus"] = Status,
        };
        if (FailureReason is not null) json["FailureReason"] = FailureReason;
        json["ModelName"] = Request["ModelName"]?.DeepClone();
        json["MaxConcurrentTransforms"] = Request["MaxConcurrentTransforms"]?.DeepClone() ?? 1;
        json["MaxPayloadInMB"] = Request["MaxPayloadInMB"]?.DeepClone() ?? 6;
        json["BatchStrategy"] = Request["BatchStrategy"]?.DeepClone() ?? "MultiRecord";
        json["Environment"] = Request["Environment"]?.DeepClone() ?? new JsonObject();
        foreach (var key in new[] { "TransformInput", "TransformOutput", "TransformResources", "DataProcessing" })
        {
            if (Request[key] is { } value) json[key] = value.DeepClone();
        }
        json["CreationTime"] = TrainingJobDescription.Time(CreationTime, style);
        json["TransformStartTime"] = TrainingJobDescription.Time(CreationTime, style);
        if (EndTime is { } end) json["TransformEndTime"] = TrainingJobDescription.Time(end, style);
        return json;
    }
}
