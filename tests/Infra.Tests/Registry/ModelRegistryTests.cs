using Amazon.CDK.Assertions;
using TrainingOrchestration.Infra.Tests.Support;

namespace TrainingOrchestration.Infra.Tests.Registry;

[Collection(SynthesisCollection.Name)]
public class ModelRegistryTests(SynthesizedPipelines synthesized)
{
    [Fact]
    public void Each_pipeline_has_one_model_package_group_named_after_its_stack()
    {
        var template = synthesized.Templates[SynthesizedPipelines.Critical];

        template.ResourceCountIs("AWS::SageMaker::ModelPackageGroup", 1);
        template.HasResourceProperties("AWS::SageMaker::ModelPackageGroup", new Dictionary<string, object>
        {
            ["ModelPackageGroupName"] = "TrainingOrchestration-fraud",
        });
    }

    [Fact]
    public void The_workflow_may_create_model_packages_only_in_its_own_group()
    {
        var statements = PolicyStatements.Of(synthesized, SynthesizedPipelines.Critical)
            .Where(s => s.Actions.Contains("sagemaker:CreateModelPackage")).ToList();

        var statement = Assert.Single(statements.DistinctBy(s => string.Join(",", s.Resources.Select(r => r?.ToJsonString()))));
        Assert.All(statement.Resources, r => Assert.Matches("model-package(-group)?/trainingorchestration-fraud", r!.ToJsonString()));
    }

    [Fact]
    public void The_sagemaker_role_reads_approved_models_for_the_champion_transform()
    {
        var reads = PolicyStatements.Of(synthesized, SynthesizedPipelines.Critical)
            .Where(s => s.Owner.Contains("SageMakerExecution", StringComparison.Ordinal) && s.Actions.Contains("s3:GetObject"))
            .SelectMany(s => s.Resources).Select(r => r!.ToJsonString());

        Assert.Contains(reads, r => r.Contains("models/approved/fraud/*", StringComparison.Ordinal));
    }
}
