using Amazon.CDK;
using Amazon.CDK.AWS.StepFunctions;
using Amazon.CDK.AWS.StepFunctions.Tasks;
using Constructs;

namespace TrainingOrchestration.StateMachine.Steps;

/// <summary>
/// A candidate becomes a version of the pipeline's Model Package Group through the AWS SDK integration
/// <c>aws-sdk:sagemaker:createModelPackage</c> (request fields as in
/// https://docs.aws.amazon.com/sagemaker/latest/APIReference/API_CreateModelPackage.html): the XGBoost image and the
/// artifact as its one inference container (text/csv in and out, SageMaker's inference contract), the approval status
/// (<c>Approved</c> on promotion, <c>Rejected</c> otherwise), <c>ModelMetrics.ModelQuality.Statistics</c> pointing at
/// the evaluation's statistics JSON (API_MetricsSource.html: ContentType and S3Uri required), the run id as
/// <c>ClientToken</c> (at most 36 characters; a retried call returns the same version) and in
/// <c>CustomerMetadataProperties</c>. The result is <c>$.modelPackage = {ModelPackageArn}</c>.
/// </summary>
internal static class RegisterModelPackage
{
    public const string ResultPath = "$.modelPackage";

    public static CallAwsService Create(Construct scope, string id, TrainingWorkflowProps props, string approvalStatus, string artifactPath)
    {
        var pipeline = props.Spec.Name;
        var group = props.ModelPackageGroupName;
        var stack = Stack.Of(scope);
        return ServiceRetries.Apply(new CallAwsService(scope, id, new CallAwsServiceProps
        {
            Service = "sagemaker",
            Action = "createModelPackage",
            IamAction = "sagemaker:CreateModelPackage",
            // SageMaker ARNs carry the group name lowercased.
            IamResources =
            [
                stack.FormatArn(new ArnComponents { Service = "sagemaker", Resource = "model-package-group", ResourceName = group.ToLowerInvariant() }),
                stack.FormatArn(new ArnComponents { Service = "sagemaker", Resource = "model-package", ResourceName = group.ToLowerInvariant() + "/*" }),
            ],
            Parameters = new Dictionary<string, object>
            {
                ["ModelPackageGroupName"] = group,
                ["ModelPackageDescription"] = JsonPath.Format($"Run {{}} of pipeline {pipeline}: {{}}", JsonPath.StringAt("$.runId"), JsonPath.StringAt("$.evaluation.decision")),
                ["ModelApprovalStatus"] = approvalStatus,
                ["ClientToken"] = JsonPath.StringAt("$.runId"),
                ["InferenceSpecification"] = new Dictionary<string, object>
                {
                    ["Containers"] = new object[]
                    {
                        new Dictionary<string, object> { ["Image"] = props.TrainingImage, ["ModelDataUrl"] = JsonPath.StringAt(artifactPath) },
                    },
                    ["SupportedContentTypes"] = new[] { "text/csv" },
                    ["SupportedResponseMIMETypes"] = new[] { "text/csv" },
                },
                ["ModelMetrics"] = new Dictionary<string, object>
                {
                    ["ModelQuality"] = new Dictionary<string, object>
                    {
                        ["Statistics"] = new Dictionary<string, object>
                        {
                            ["ContentType"] = "application/json",
                            ["S3Uri"] = JsonPath.StringAt("$.evaluation.modelMetricsUri"),
                        },
                    },
                },
                ["CustomerMetadataProperties"] = new Dictionary<string, object>
                {
                    ["pipeline"] = pipeline,
                    ["runId"] = JsonPath.StringAt("$.runId"),
                    ["trainingJobName"] = JsonPath.StringAt(TrainModel.JobNamePath),
                },
            },
            ResultSelector = new Dictionary<string, object> { ["ModelPackageArn"] = JsonPath.StringAt("$.ModelPackageArn") },
            ResultPath = ResultPath,
        }), ServiceRetries.SageMakerSdk);
    }
}
