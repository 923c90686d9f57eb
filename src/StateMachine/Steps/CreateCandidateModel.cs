using Amazon.CDK;
using Amazon.CDK.AWS.IAM;
using Amazon.CDK.AWS.StepFunctions;
using Constructs;

namespace TrainingOrchestration.StateMachine.Steps;

/// <summary>
/// <c>CreateCandidateModel</c> (WORKFLOW.md step 8) on the optimized <c>sagemaker:createModel</c> integration. Written
/// out rather than built with CDK's <c>SageMakerCreateModel</c>, because that construct grants
/// <c>sagemaker:ListTags</c> on <c>*</c> and, for an artifact known only at run time, <c>s3:GetObject</c> on <c>*</c> to
/// the SageMaker role; here the workflow may create only this pipeline's models.
/// </summary>
internal static class CreateCandidateModel
{
    public static CustomState Create(Construct scope, TrainingWorkflowProps props)
    {
        var state = Model(scope, "CreateCandidateModel", props, TrainModel.JobNamePath, "$.training.result.ModelArtifacts.S3ModelArtifacts", "$.runId", "$.model");
        return state;
    }

    /// <summary>A SageMaker model named at <paramref name="namePath"/> serving the artifact at <paramref name="artifactPath"/>.</summary>
    public static CustomState Model(Construct scope, string id, TrainingWorkflowProps props, string namePath, string artifactPath, string runIdPath, string resultPath)
    {
        var state = new CustomState(scope, id, new CustomStateProps
        {
            StateJson = new Dictionary<string, object>
            {
                ["Type"] = "Task",
                ["Resource"] = $"arn:{Aws.PARTITION}:states:::sagemaker:createModel",
                ["Parameters"] = new Dictionary<string, object>
                {
                    ["ModelName.$"] = namePath,
                    ["PrimaryContainer"] = new Dictionary<string, object>
                    {
                        ["Image"] = props.TrainingImage,
                        ["ModelDataUrl.$"] = artifactPath,
                    },
                    ["ExecutionRoleArn"] = props.SageMakerRole.RoleArn,
                    ["EnableNetworkIsolation"] = true,
                    ["Tags"] = new object[]
                    {
                        new Dictionary<string, object> { ["Key"] = "pipeline", ["Value"] = props.Spec.Name },
                        new Dictionary<string, object> { ["Key"] = "tier", ["Value"] = props.Spec.Tier.ToString().ToLowerInvariant() },
                        new Dictionary<string, object> { ["Key"] = "runId", ["Value.$"] = runIdPath },
                    },
                },
                ["ResultSelector"] = new Dictionary<string, object> { ["ModelArn.$"] = "$.ModelArn" },
                ["ResultPath"] = resultPath,
            },
        });
        state.AddRetry(ServiceRetries.For(ServiceRetries.SageMaker));
        return state;
    }

    public static PolicyStatement PolicyStatement(Construct scope, string pipeline) => new(new PolicyStatementProps
    {
        Sid = "CreateCandidateModel",
        Actions = ["sagemaker:CreateModel", "sagemaker:AddTags"],
        Resources = [Stack.Of(scope).FormatArn(new ArnComponents { Service = "sagemaker", Resource = "model", ResourceName = pipeline + "-*" })],
    });
}
