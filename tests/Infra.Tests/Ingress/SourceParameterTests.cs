using Amazon.CDK;
using Amazon.CDK.Assertions;
using TrainingOrchestration.Infra.Features;
using TrainingOrchestration.Infra.Tests.Support;
using TrainingOrchestration.Pipelines;
using TrainingOrchestration.Pipelines.Conventions;
using TrainingOrchestration.Pipelines.Spec;

namespace TrainingOrchestration.Infra.Tests.Ingress;

/// <summary>A source identity pipeline.yaml leaves out is asked for at deploy time, checked by the pattern AWS accepts.</summary>
public class SourceParameterTests
{
    private static Template Synthesize(Func<PipelineSpec, PipelineSpec> change)
    {
        System.Environment.SetEnvironmentVariable("JSII_SILENCE_WARNING_DEPRECATED_NODE_VERSION", "1");
        var spec = change(PipelineSpecLoader.Load(Path.Combine(SynthesizedPipelines.PipelinesRoot, SynthesizedPipelines.Critical)));
        var asset = Directory.CreateTempSubdirectory("ingress-asset-").FullName;
        File.WriteAllText(Path.Combine(asset, "TrainingOrchestration.Tasks.dll"), "placeholder");
        var stack = new TrainingStack(new App(), spec, asset, FeatureJob.ScriptPath(RepositoryRoot.Find(AppContext.BaseDirectory)));
        return Template.FromStack(stack);
    }

    private static PipelineSpec WithCdc(PipelineSpec spec, CdcSpec cdc) => spec with { Source = spec.Source with { Cdc = cdc } };

    [Fact]
    public void A_stream_arn_left_out_becomes_the_SourceStreamArn_parameter_the_pipe_and_its_role_read()
    {
        var template = Synthesize(spec => WithCdc(spec, spec.Source.Cdc with { Ingress = new IngressSpec() }));

        template.HasParameter("SourceStreamArn", new Dictionary<string, object>
        {
            ["Type"] = "String",
            ["AllowedPattern"] = Match.StringLikeRegexp("dynamodb"),
        });
        template.HasResourceProperties("AWS::Pipes::Pipe", new Dictionary<string, object>
        {
            ["Source"] = new Dictionary<string, object> { ["Ref"] = "SourceStreamArn" },
            ["SourceParameters"] = Match.ObjectLike(new Dictionary<string, object>
            {
                ["DynamoDBStreamParameters"] = Match.ObjectLike(new Dictionary<string, object> { ["StartingPosition"] = "TRIM_HORIZON" }),
            }),
        });
    }

    [Fact]
    public void An_msk_source_without_cluster_or_topic_asks_for_both_and_grants_iam_access_to_that_topic_and_group_only()
    {
        var template = Synthesize(spec => WithCdc(spec, spec.Source.Cdc with { Kind = CdcKind.Debezium, Ingress = new IngressSpec { Kafka = new KafkaSpec() } }));

        template.HasParameter("KafkaClusterArn", Match.ObjectLike(new Dictionary<string, object> { ["Type"] = "String" }));
        template.HasParameter("KafkaTopic", Match.ObjectLike(new Dictionary<string, object> { ["Type"] = "String" }));
        template.HasResourceProperties("AWS::Pipes::Pipe", new Dictionary<string, object>
        {
            ["Source"] = new Dictionary<string, object> { ["Ref"] = "KafkaClusterArn" },
            ["SourceParameters"] = new Dictionary<string, object>
            {
                ["ManagedStreamingKafkaParameters"] = Match.ObjectLike(new Dictionary<string, object>
                {
                    ["TopicName"] = new Dictionary<string, object> { ["Ref"] = "KafkaTopic" },
                    ["ConsumerGroupID"] = "fraud-changes",
                }),
            },
        });
        var policy = template.FindResources("AWS::IAM::Policy").Single(p => p.Key.StartsWith("IngressChangesRoleDefaultPolicy", StringComparison.Ordinal));
        var text = System.Text.Json.JsonSerializer.Serialize(policy.Value);
        Assert.Contains("kafka-cluster:ReadData", text);
        Assert.Contains(":topic/", text);
        Assert.Contains(":group/", text);
        Assert.DoesNotContain("kafka-cluster:*", text);
    }
}
