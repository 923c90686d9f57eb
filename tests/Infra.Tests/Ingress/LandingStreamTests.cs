using Amazon.CDK.Assertions;
using TrainingOrchestration.Infra.Tests.Support;

namespace TrainingOrchestration.Infra.Tests.Ingress;

[Collection(SynthesisCollection.Name)]
public class LandingStreamTests(SynthesizedPipelines synthesized)
{
    [Fact]
    public void Firehose_lands_one_record_per_line_under_raw_changes_with_the_stack_key_and_errors_outside_raw()
    {
        synthesized.Templates[SynthesizedPipelines.Critical].HasResourceProperties("AWS::KinesisFirehose::DeliveryStream", new Dictionary<string, object>
        {
            ["DeliveryStreamName"] = "fraud-changes",
            ["DeliveryStreamType"] = "DirectPut",
            ["DeliveryStreamEncryptionConfigurationInput"] = new Dictionary<string, object> { ["KeyType"] = "AWS_OWNED_CMK" },
            ["ExtendedS3DestinationConfiguration"] = Match.ObjectLike(new Dictionary<string, object>
            {
                ["Prefix"] = "raw/payments/changes/",
                ["ErrorOutputPrefix"] = "ingress-errors/payments/!{firehose:error-output-type}/!{timestamp:yyyy/MM/dd}/",
                ["FileExtension"] = ".jsonl",
                ["CompressionFormat"] = "UNCOMPRESSED",
                ["EncryptionConfiguration"] = new Dictionary<string, object>
                {
                    ["KMSEncryptionConfig"] = new Dictionary<string, object>
                    {
                        ["AWSKMSKeyARN"] = new Dictionary<string, object> { ["Fn::GetAtt"] = new object[] { Match.StringLikeRegexp("StorageKey"), "Arn" } },
                    },
                },
                ["ProcessingConfiguration"] = new Dictionary<string, object>
                {
                    ["Enabled"] = true,
                    ["Processors"] = new object[] { new Dictionary<string, object> { ["Type"] = "AppendDelimiterToRecord" } },
                },
            }),
        });
    }

    [Fact]
    public void The_firehose_role_writes_only_the_landing_and_error_prefixes_of_its_table()
    {
        var statements = PolicyStatements.Of(synthesized, SynthesizedPipelines.Critical)
            .Where(s => s.Owner.StartsWith("IngressChangesLandingRoleDefaultPolicy", StringComparison.Ordinal)).ToList();

        var put = Assert.Single(statements, s => s.Actions.Contains("s3:PutObject"));
        var resources = put.Resources.Select(r => Definition.Text(r!)).ToList();
        Assert.Equal(2, resources.Count);
        Assert.EndsWith("/raw/payments/changes/*", resources[0], StringComparison.Ordinal);
        Assert.EndsWith("/ingress-errors/payments/*", resources[1], StringComparison.Ordinal);
        Assert.DoesNotContain(statements, s => s.Actions.Contains("s3:GetObject") || s.Actions.Contains("s3:DeleteObject"));
    }
}
