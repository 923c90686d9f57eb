using Amazon.CDK.Assertions;
using TrainingOrchestration.Infra.Tests.Support;

namespace TrainingOrchestration.Infra.Tests.Ingress;

[Collection(SynthesisCollection.Name)]
public class DmsTargetTests(SynthesizedPipelines synthesized)
{
    [Fact]
    public void The_dms_s3_target_writes_parquet_with_op_and_commit_time_under_raw_table_encrypted_with_the_stack_key()
    {
        synthesized.Templates[SynthesizedPipelines.Exploratory].HasResourceProperties("AWS::DMS::Endpoint", new Dictionary<string, object>
        {
            ["EndpointType"] = "target",
            ["EngineName"] = "s3",
            ["S3Settings"] = Match.ObjectLike(new Dictionary<string, object>
            {
                ["BucketFolder"] = "raw/leads",
                ["DataFormat"] = "parquet",
                ["ParquetVersion"] = "parquet-2-0",
                ["IncludeOpForFullLoad"] = true,
                ["TimestampColumnName"] = "dms_commit_ts",
                ["CdcInsertsAndUpdates"] = false,
                ["EncryptionMode"] = "sse-kms",
                ["ServerSideEncryptionKmsKeyId"] = new Dictionary<string, object> { ["Fn::GetAtt"] = new object[] { Match.StringLikeRegexp("StorageKey"), "Arn" } },
                ["ServiceAccessRoleArn"] = new Dictionary<string, object> { ["Fn::GetAtt"] = new object[] { Match.StringLikeRegexp("IngressDmsRole"), "Arn" } },
            }),
        });
    }

    [Fact]
    public void The_dms_role_is_assumed_by_dms_and_writes_only_its_table_prefix()
    {
        synthesized.Templates[SynthesizedPipelines.Exploratory].HasResourceProperties("AWS::IAM::Role", new Dictionary<string, object>
        {
            ["AssumeRolePolicyDocument"] = Match.ObjectLike(new Dictionary<string, object>
            {
                ["Statement"] = new object[] { Match.ObjectLike(new Dictionary<string, object> { ["Principal"] = new Dictionary<string, object> { ["Service"] = "dms.amazonaws.com" } }) },
            }),
        });
        var statements = PolicyStatements.Of(synthesized, SynthesizedPipelines.Exploratory)
            .Where(s => s.Owner.StartsWith("IngressDmsRoleDefaultPolicy", StringComparison.Ordinal)).ToList();
        var write = Assert.Single(statements, s => s.Actions.Contains("s3:PutObject"));
        Assert.EndsWith("/raw/leads/*", Definition.Text(Assert.Single(write.Resources)!), StringComparison.Ordinal);
        Assert.Contains(statements, s => s.Actions.Contains("kms:GenerateDataKey"));
        var outputs = synthesized.Json[SynthesizedPipelines.Exploratory]["Outputs"]!.AsObject();
        Assert.True(outputs.ContainsKey("DmsTargetEndpointArn"));
        Assert.True(outputs.ContainsKey("DmsServiceAccessRoleArn"));
    }
}
