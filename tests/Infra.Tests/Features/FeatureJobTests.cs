using Amazon.CDK.Assertions;
using TrainingOrchestration.Infra.Tests.Support;

namespace TrainingOrchestration.Infra.Tests.Features;

[Collection(SynthesisCollection.Name)]
public class FeatureJobTests(SynthesizedPipelines synthesized)
{
    [Fact]
    public void The_feature_job_is_glue_4_with_bookmarks_metrics_and_encryption()
    {
        synthesized.Templates[SynthesizedPipelines.Critical].HasResourceProperties("AWS::Glue::Job", new Dictionary<string, object>
        {
            ["Name"] = "fraud-features",
            ["GlueVersion"] = "4.0",
            ["Command"] = Match.ObjectLike(new Dictionary<string, object> { ["Name"] = "glueetl" }),
            ["SecurityConfiguration"] = "fraud-features",
            ["DefaultArguments"] = Match.ObjectLike(new Dictionary<string, object>
            {
                ["--job-bookmark-option"] = "job-bookmark-enable",
                ["--enable-metrics"] = "true",
                ["--database"] = "training_orchestration_fraud",
            }),
        });
        synthesized.Templates[SynthesizedPipelines.Critical].HasResourceProperties("AWS::Glue::Database", new Dictionary<string, object>
        {
            ["DatabaseInput"] = Match.ObjectLike(new Dictionary<string, object> { ["Name"] = "training_orchestration_fraud" }),
        });
    }

    [Fact]
    public void The_job_writes_one_part_per_executor_core_of_its_workers()
    {
        synthesized.Templates[SynthesizedPipelines.Critical].HasResourceProperties("AWS::Glue::Job", new Dictionary<string, object>
        {
            ["WorkerType"] = "G.1X",
            ["NumberOfWorkers"] = 2,
            ["DefaultArguments"] = Match.ObjectLike(new Dictionary<string, object> { ["--output_parts"] = "8" }),
        });
    }
}
