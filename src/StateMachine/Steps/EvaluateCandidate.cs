using Amazon.CDK.AWS.StepFunctions;
using Amazon.CDK.AWS.StepFunctions.Tasks;
using Constructs;

namespace TrainingOrchestration.StateMachine.Steps;

/// <summary>
/// <c>EvaluateCandidate</c> (WORKFLOW.md step 10): the evaluation Lambda (function <c>EvaluateModel</c>) compares the
/// candidate's test-split predictions with the thresholds and with the champion's predictions on the same split
/// (<see cref="ScoreChampion"/>) and answers PROMOTE or REJECT.
/// </summary>
internal static class EvaluateCandidate
{
    public static LambdaInvoke Create(Construct scope, TrainingWorkflowProps props)
    {
        var pipeline = props.Spec.Name;
        var state = InvokeTaskFunction.Create(scope, "EvaluateCandidate", props.EvaluateModelFunction, new Dictionary<string, object>
        {
            ["pipeline"] = pipeline,
            ["runId"] = JsonPath.StringAt("$.runId"),
            ["bucket"] = props.Bucket.BucketName,
            ["predictionsPrefix"] = JsonPath.Format(ScoreTestSplit.PredictionsPrefixTemplate(pipeline), JsonPath.StringAt("$.runId")),
            ["training"] = JsonPath.StringAt("$.training.result"),
            ["glueJobRun"] = JsonPath.StringAt("$.features.jobRun"),
            ["champion"] = new Dictionary<string, object>
            {
                ["runId"] = JsonPath.StringAt(ScoreChampion.ScoringPath + ".runId"),
                ["predictionsPrefix"] = JsonPath.Format(ScoreChampion.PredictionsPrefixTemplate(pipeline), JsonPath.StringAt("$.runId")),
            },
        }, "$.evaluation");
        return state;
    }
}
