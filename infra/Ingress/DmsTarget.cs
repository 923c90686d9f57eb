using Amazon.CDK;
using Amazon.CDK.AWS.DMS;
using Amazon.CDK.AWS.IAM;
using Amazon.CDK.AWS.KMS;
using Amazon.CDK.AWS.S3;
using Constructs;
using TrainingOrchestration.Pipelines.Conventions;
using TrainingOrchestration.Pipelines.Spec;
using TrainingOrchestration.StateMachine;

namespace TrainingOrchestration.Infra.Ingress;

/// <summary>
/// The landing of an <c>s3-files</c> source: AWS DMS writes the table itself, so the stack creates the S3 target endpoint
/// (AWS::DMS::Endpoint, EngineName s3) and the least-privilege role DMS assumes for it, with use of the stack key for
/// SSE-KMS; the user's replication task names the endpoint. DMS writes <c>&lt;BucketFolder&gt;/&lt;schema&gt;/&lt;table&gt;/</c>:
/// the full load as <c>LOAD00000001.parquet</c>..., then CDC files named by time, each row with <c>Op</c> (I/U/D, also on
/// full-load rows: IncludeOpForFullLoad) and the commit time in <c>source.timestampColumn</c> (TimestampColumnName).
/// S3Settings names: CloudFormation aws-properties-dms-endpoint-s3settings.html; values and the role's S3 actions:
/// docs.aws.amazon.com/dms/latest/userguide/CHAP_Target.S3.html (Prerequisites, Using AWS KMS, Parquet settings).
/// </summary>
public sealed class DmsTarget : Construct
{
    public Role Role { get; }
    public CfnEndpoint Endpoint { get; }

    public DmsTarget(Construct scope, string id, PipelineSpec spec, IBucket bucket, IKey key) : base(scope, id)
    {
        var table = spec.Source.Table;
        var folder = BucketLayout.RawTable(table).TrimEnd('/');
        Role = new Role(this, "Role", new RoleProps
        {
            Description = $"AWS DMS writing table {table} to raw/ of pipeline {spec.Name}'s bucket.",
            AssumedBy = new ServicePrincipal("dms.amazonaws.com", new ServicePrincipalOpts
            {
                Conditions = new Dictionary<string, object> { ["StringEquals"] = new Dictionary<string, object> { ["aws:SourceAccount"] = Aws.ACCOUNT_ID } },
            }),
        });
        Role.AddToPolicy(new PolicyStatement(new PolicyStatementProps
        {
            Sid = "WriteTableFiles",
            Actions = ["s3:PutObject", "s3:DeleteObject", "s3:PutObjectTagging"],
            Resources = [bucket.ArnForObjects(BucketLayout.RawTable(table) + "*")],
        }));
        Role.AddToPolicy(StackGrants.ListPrefixes(bucket, "ListTableFiles", BucketLayout.RawTable(table) + "*"));
        // The KMS grant SSE-KMS writes need (encrypt a new data key; DMS reads back what it wrote when it appends).
        Role.AddToPolicy(StackGrants.KeyUse(key, "EncryptTableFiles"));

        var parquet = spec.Source.Cdc.Ingress.DmsFormat == DmsFileFormat.Parquet;
        Endpoint = new CfnEndpoint(this, "S3Target", new CfnEndpointProps
        {
            EndpointIdentifier = $"{spec.Name}-{table}-raw".Replace('_', '-'),
            EndpointType = "target",
            EngineName = "s3",
            S3Settings = new CfnEndpoint.S3SettingsProperty
            {
                BucketName = bucket.BucketName,
                BucketFolder = folder,
                ServiceAccessRoleArn = Role.RoleArn,
                DataFormat = parquet ? "parquet" : "csv",
                ParquetVersion = parquet ? "parquet-2-0" : null,
                EnableStatistics = parquet ? true : null,
                AddColumnName = parquet ? null : true,
                IncludeOpForFullLoad = true,
                TimestampColumnName = spec.Source.TimestampColumn,
                CdcInsertsAndUpdates = false,
                CompressionType = "none",
                EncryptionMode = "sse-kms",
                ServerSideEncryptionKmsKeyId = key.KeyArn,
            },
        });
        Endpoint.AddDependency(ChangePipe.DefaultPolicy(Role));
    }
}
