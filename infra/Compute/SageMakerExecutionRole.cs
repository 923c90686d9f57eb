using Amazon.CDK;
using Amazon.CDK.AWS.IAM;
using Amazon.CDK.AWS.KMS;
using Amazon.CDK.AWS.S3;
using Constructs;
using TrainingOrchestration.StateMachine;
using TrainingOrchestration.Pipelines.Conventions;

namespace TrainingOrchestration.Infra.Compute;

/// <summary>
/// The role SageMaker assumes for the pipeline's training and transform jobs: read the feature channels, write model
/// artifacts, checkpoints and predictions under the pipeline's prefixes, read the approved (champion) artifacts, pull the XGBoost image, write its logs.
/// </summary>
public sealed class SageMakerExecutionRole : Construct
{
    public Role Role { get; }

    public SageMakerExecutionRole(Construct scope, string id, string pipeline, IBucket bucket, IKey key, string imageAccount) : base(scope, id)
    {
        var stack = Stack.Of(this);
        var features = BucketLayout.PipelineFeatures(pipeline) + "*";
        var rawModels = BucketLayout.PipelineRawModels(pipeline) + "*";
        // The champion's approved copy, which ScoreChampion's transform reads.
        var approvedModels = BucketLayout.PipelineApprovedModels(pipeline) + "*";
        var checkpoints = BucketLayout.PipelineCheckpoints(pipeline) + "*";
        var reports = BucketLayout.PipelineReports(pipeline) + "*";
        Role = new Role(this, "Role", new RoleProps
        {
            AssumedBy = new ServicePrincipal("sagemaker.amazonaws.com"),
            Description = $"Runs the SageMaker training and transform jobs of pipeline {pipeline}.",
        });
        Role.AddToPolicy(new PolicyStatement(new PolicyStatementProps
        {
            Sid = "ReadFeaturesAndModels",
            Actions = ["s3:GetObject"],
            Resources = [bucket.ArnForObjects(features), bucket.ArnForObjects(rawModels), bucket.ArnForObjects(approvedModels), bucket.ArnForObjects(checkpoints)],
        }));
        Role.AddToPolicy(new PolicyStatement(new PolicyStatementProps
        {
            Sid = "WriteModelsCheckpointsPredictions",
            Actions = ["s3:PutObject", "s3:DeleteObject", "s3:AbortMultipartUpload"],
            Resources = [bucket.ArnForObjects(rawModels), bucket.ArnForObjects(checkpoints), bucket.ArnForObjects(reports)],
        }));
        Role.AddToPolicy(StackGrants.ListPrefixes(bucket, "ListPipelinePrefixes", features, rawModels, checkpoints, reports));
        Role.AddToPolicy(StackGrants.KeyUse(key, "UseStackKey", "kms:CreateGrant"));
        // ecr:GetAuthorizationToken has no resource-level permissions: AWS requires "*".
        Role.AddToPolicy(new PolicyStatement(new PolicyStatementProps
        {
            Sid = "EcrLogin",
            Actions = ["ecr:GetAuthorizationToken"],
            Resources = ["*"],
        }));
        Role.AddToPolicy(new PolicyStatement(new PolicyStatementProps
        {
            Sid = "PullXgboostImage",
            Actions = ["ecr:BatchGetImage", "ecr:GetDownloadUrlForLayer", "ecr:BatchCheckLayerAvailability"],
            Resources = [XgboostImage.RepositoryArn(imageAccount)],
        }));
        Role.AddToPolicy(new PolicyStatement(new PolicyStatementProps
        {
            Sid = "WriteJobLogs",
            Actions = ["logs:CreateLogGroup", "logs:CreateLogStream", "logs:PutLogEvents", "logs:DescribeLogStreams"],
            Resources =
            [
                stack.FormatArn(new ArnComponents { Service = "logs", Resource = "log-group", ResourceName = "/aws/sagemaker/TrainingJobs*", ArnFormat = ArnFormat.COLON_RESOURCE_NAME }),
                stack.FormatArn(new ArnComponents { Service = "logs", Resource = "log-group", ResourceName = "/aws/sagemaker/TransformJobs*", ArnFormat = ArnFormat.COLON_RESOURCE_NAME }),
            ],
        }));
        // PutMetricData has no resource-level permissions; the namespace condition keeps it to SageMaker's job metrics.
        Role.AddToPolicy(new PolicyStatement(new PolicyStatementProps
        {
            Sid = "PublishJobMetrics",
            Actions = ["cloudwatch:PutMetricData"],
            Resources = ["*"],
            Conditions = new Dictionary<string, object>
            {
                ["StringLike"] = new Dictionary<string, object> { ["cloudwatch:namespace"] = "/aws/sagemaker/*" },
            },
        }));
    }
}
