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
        var state = new CustomState(scope, "CreateCandidateModel", new CustomStateProps
        {
            StateJson = new Dictionary<string, object>
            {
                ["Type"] = "Task",
                ["Resource"] = $"arn:{Aws.PARTITION}:states:::sagemaker:createModel",
                ["Parameters"] = new Dictionary<string, object>
                {
                    ["ModelName.$"] = TrainModel.JobNamePath,
                    ["PrimaryContainer"] = new Dictionary<string, object>
                    {
                        ["Image"] = props.TrainingImage,
                        ["ModelDataUrl.$"] = "$.training.result.ModelArtifacts.S3ModelArtifacts",
                    },
                    ["ExecutionRoleArn"] = props.SageMakerRole.RoleArn,
                    ["EnableNetworkIsolation"] = true,
                    ["Tags"] = new object[]
                    {
                        new Dictionary<string, object> { ["Key"] = "pipeline", ["Value"] = props.Spec.Name },
                        new Dictionary<string, object> { ["Key"] = "tier", ["Value"] = props.Spec.Tier.ToString().ToLowerInvariant() },
                        new Dictionary<string, object> { ["Key"] = "runId", ["Value.$"] = "$.runId" },
                    },
                },
                ["ResultSelector"] = new Dictionary<string, object> { ["ModelArn.$"] = "$.ModelArn" },
                ["ResultPath"] = "$.model",
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
