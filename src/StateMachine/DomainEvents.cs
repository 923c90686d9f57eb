using Amazon.CDK.AWS.StepFunctions;
using Amazon.CDK.AWS.StepFunctions.Tasks;
using TrainingOrchestration.Pipelines.Conventions;

namespace TrainingOrchestration.StateMachine;

/// <summary>The domain events of WORKFLOW.md ("Domain events"), published on the default bus.</summary>
public static class DomainEvents
{
    public const string Source = DetailTypes.DomainSource;
    public const string ModelPromoted = DetailTypes.ModelPromoted;
    public const string ModelRejected = DetailTypes.ModelRejected;
    public const string RunFailed = DetailTypes.RunFailed;

    /// <summary>An entry with detail <c>{pipeline, runId, decision, reason, metrics}</c> and any <paramref name="more"/> fields.</summary>
    public static EventBridgePutEventsEntry Entry(string pipeline, string detailType, string decision, string reason, object metrics,
        string runIdPath = "$.runId", IDictionary<string, object>? more = null) => new()
    {
        Source = Source,
        DetailType = detailType,
        Detail = TaskInput.FromObject(new Dictionary<string, object>(more ?? new Dictionary<string, object>())
        {
            ["pipeline"] = pipeline,
            ["runId"] = JsonPath.StringAt(runIdPath),
            ["decision"] = decision,
            ["reason"] = reason,
            ["metrics"] = metrics,
        }),
    };
}
