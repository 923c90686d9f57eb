using Amazon.CDK.Assertions;
using TrainingOrchestration.Infra.Tests.Support;

namespace TrainingOrchestration.Infra.Tests.Compute;

[Collection(SynthesisCollection.Name)]
public class ComputeTests(SynthesizedPipelines synthesized)
{
    [Theory]
    [InlineData("TrainingOrchestration.Tasks::TrainingOrchestration.Tasks.Validation.ValidateFeaturesFunction::Handle")]
    [InlineData("TrainingOrchestration.Tasks::TrainingOrchestration.Tasks.Evaluation.EvaluateModelFunction::Handle")]
    [InlineData("TrainingOrchestration.Tasks::TrainingOrchestration.Tasks.Cadence.DecideCadenceFunction::Handle")]
    public void Each_task_lambda_runs_dotnet10_on_arm64_with_the_workflow_environment(string handler)
    {
        synthesized.Templates[SynthesizedPipelines.Critical].HasResourceProperties("AWS::Lambda::Function", new Dictionary<string, object>
        {
            ["Handler"] = handler,
            ["Runtime"] = "dotnet10",
            ["Architectures"] = new[] { "arm64" },
            ["TracingConfig"] = new Dictionary<string, object> { ["Mode"] = "Active" },
            ["KmsKeyArn"] = Match.AnyValue(),
            ["LoggingConfig"] = Match.ObjectLike(new Dictionary<string, object> { ["LogFormat"] = "JSON" }),
            ["Environment"] = new Dictionary<string, object>
            {
                ["Variables"] = new Dictionary<string, object>
                {
                    ["TABLE_NAME"] = Match.AnyValue(),
                    ["BUCKET_NAME"] = Match.AnyValue(),
                    ["PIPELINE_NAME"] = "fraud",
                    ["PIPELINE_CONFIG"] = Match.StringLikeRegexp("\"name\":\"fraud\""),
                    ["METRICS_NAMESPACE"] = "TrainingOrchestration",
                },
            },
        });
    }

    [Fact]
    public void The_xgboost_image_account_comes_from_a_region_mapping()
    {
        var mappings = synthesized.Json[SynthesizedPipelines.Critical]["Mappings"]!.AsObject();
        var registry = Assert.Single(mappings).Value!;

        Assert.Equal("683313688378", registry["us-east-1"]!["account"]!.GetValue<string>());
        Assert.Equal("141502667606", registry["eu-west-1"]!["account"]!.GetValue<string>());
    }
}
