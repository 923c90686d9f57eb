using Amazon.CDK.AWS.Sagemaker;
using Constructs;
using TrainingOrchestration.Pipelines.Conventions;

namespace TrainingOrchestration.Infra.Registry;

/// <summary>
/// The pipeline's model registry: one SageMaker Model Package Group (<c>AWS::SageMaker::ModelPackageGroup</c>,
/// https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-resource-sagemaker-modelpackagegroup.html) whose
/// versions are the pipeline's candidates, Approved when promoted and Rejected otherwise; the champion is the latest
/// Approved version. The training workflow registers them (<c>RegisterApprovedModel</c>, <c>RegisterRejectedModel</c>).
/// </summary>
public sealed class PipelineModelRegistry : Construct
{
    public string GroupName { get; }

    public PipelineModelRegistry(Construct scope, string id, string pipeline) : base(scope, id)
    {
        GroupName = ResourceNames.ModelPackageGroup(pipeline);
        _ = new CfnModelPackageGroup(this, "Group", new CfnModelPackageGroupProps
        {
            ModelPackageGroupName = GroupName,
            ModelPackageGroupDescription = $"Model versions of pipeline {pipeline}: every training run's candidate, Approved when promoted, Rejected otherwise.",
        });
    }
}
