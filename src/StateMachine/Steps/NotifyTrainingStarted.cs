using Amazon.CDK.AWS.StepFunctions;
using Amazon.CDK.AWS.StepFunctions.Tasks;
using Constructs;

namespace TrainingOrchestration.StateMachine.Steps;

/// <summary>
/// <c>NotifyTrainingStarted</c> (WORKFLOW.md step 2a): tells the notifications topic that a run has started, with what
/// triggered it, so the outcome that follows hours later is not the first anyone hears of it (<c>notifyOnStart</c>).
/// It retries SNS's transient errors and has no Catch: after its retries it fails the execution at this state, which
/// the run-status handling records like any other failed step and a redrive resumes here.
/// </summary>
internal static class NotifyTrainingStarted
{
    public const string StateName = "NotifyTrainingStarted";

    public static SnsPublish Create(Construct scope, TrainingWorkflowProps props)
    {
        var pipeline = props.Spec.Name;
        return ServiceRetries.Apply(new SnsPublish(scope, StateName, new SnsPublishProps
        {
            Topic = props.Notifications,
            Subject = $"TrainingOrchestration {pipeline}: training run started",
            Message = TaskInput.FromObject(new Dictionary<string, object>
            {
                ["pipeline"] = pipeline,
                ["event"] = "training started",
                ["runId"] = JsonPath.StringAt("$.runId"),
                ["executionArn"] = PipelineKeys.ExecutionArn,
                ["startedAt"] = PipelineKeys.Now,
                ["trigger"] = JsonPath.StringAt("$.trigger"),
            }),
            ResultPath = JsonPath.DISCARD,
        }), ServiceRetries.Sns);
    }
}
