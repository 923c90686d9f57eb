using Amazon.CDK.AWS.StepFunctions;
using Amazon.CDK.AWS.StepFunctions.Tasks;

namespace TrainingOrchestration.StateMachine;

/// <summary>The domain events of WORKFLOW.md ("Domain events"), published on the default bus.</summary>
public static class DomainEvents
{
    public const string Source = "training-orchestration";
    public const string ModelPromoted = "Model Promoted";
    public const string ModelRejected = "Model Rejected";
    public const string RunFailed = "Training Run Failed";

    /// <summary>An entry with detail <c>{pipeline, runId, decision, reason, metrics}</c>.</summary>
    public static EventBridgePutEventsEntry Entry(string pipeline, string detailType, string decision, string reason, object metrics) => new()
    {
        Source = Source,
        DetailType = detailType,
        Detail = TaskInput.FromObject(new Dictionary<string, object>
        {
            ["pipeline"] = pipeline,
            ["runId"] = JsonPath.StringAt("$.runId"),
            ["decision"] = decision,
            ["reason"] = reason,
            ["metrics"] = metrics,
        }),
    };
}
