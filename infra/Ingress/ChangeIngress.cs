using Amazon.CDK;
using Amazon.CDK.AWS.KMS;
using Amazon.CDK.AWS.S3;
using Amazon.CDK.AWS.SNS;
using Constructs;
using TrainingOrchestration.Pipelines.Spec;

namespace TrainingOrchestration.Infra.Ingress;

/// <summary>
/// The ingress the stack provisions for <c>source.cdc.kind</c>: a Pipe through Firehose into <c>raw/</c> for
/// <c>dynamodb-stream</c> and <c>debezium</c> (<see cref="ChangePipe"/>), the DMS S3 target endpoint and its role for
/// <c>s3-files</c> (<see cref="DmsTarget"/>). Its outputs name what an operator wires up outside the stack.
/// </summary>
public sealed class ChangeIngress : Construct
{
    public ChangePipe? Pipe { get; }
    public DmsTarget? Dms { get; }

    public ChangeIngress(Construct scope, string id, PipelineSpec spec, IBucket bucket, IKey key, ITopic notifications, ITopic? paging) : base(scope, id)
    {
        if (spec.Source.Cdc.Kind == CdcKind.S3Files)
        {
            Dms = new DmsTarget(this, "Dms", spec, bucket, key);
            Output("DmsTargetEndpointArn", Dms.Endpoint.Ref, "The DMS S3 target endpoint for the replication task (full load and CDC).");
            Output("DmsServiceAccessRoleArn", Dms.Role.RoleArn, "The role DMS assumes to write raw/ (ServiceAccessRoleArn).");
            return;
        }
        Pipe = new ChangePipe(this, "Changes", spec, bucket, key, notifications, paging);
        Output("ChangePipeArn", Pipe.Pipe.AttrArn, "The EventBridge Pipe reading the source's changes.");
        Output("LandingStreamArn", Pipe.Landing.StreamArn, "The Firehose stream landing change records in raw/.");
    }

    private void Output(string name, string value, string description) =>
        _ = new CfnOutput(Stack.Of(this), name, new CfnOutputProps { Value = value, Description = description });
}
