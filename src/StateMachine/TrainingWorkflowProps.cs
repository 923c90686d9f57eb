using Amazon.CDK.AWS.DynamoDB;
using Amazon.CDK.AWS.IAM;
using Amazon.CDK.AWS.KMS;
using Amazon.CDK.AWS.Lambda;
using Amazon.CDK.AWS.Logs;
using Amazon.CDK.AWS.S3;
using Amazon.CDK.AWS.SNS;
using TrainingOrchestration.Pipelines.Spec;

namespace TrainingOrchestration.StateMachine;

/// <summary>The resources the training workflow wires together; created by the stack, passed in so the workflow stays testable alone.</summary>
public sealed record TrainingWorkflowProps
{
    public required PipelineSpec Spec { get; init; }
    public required ITable Table { get; init; }
    public required IBucket Bucket { get; init; }
    /// <summary>The stack's customer managed key; the workflow role needs it to read and write the bucket, table and topics.</summary>
    public required IKey Key { get; init; }
    public required ITopic Notifications { get; init; }
    /// <summary>Set for critical pipelines: failures page the on-call as well.</summary>
    public ITopic? Paging { get; init; }
    /// <summary>Function <c>ValidateFeatures</c>, called by the state of the same name.</summary>
    public required IFunction ValidateFeaturesFunction { get; init; }
    /// <summary>The Lambda the <c>ValidateFeatureParts</c> Distributed Map runs on each feature table part.</summary>
    public required IFunction ValidatePartFunction { get; init; }
    /// <summary>Function <c>EvaluateModel</c>, called by state <c>EvaluateCandidate</c>.</summary>
    public required IFunction EvaluateModelFunction { get; init; }
    public required string GlueJobName { get; init; }
    /// <summary>The role SageMaker assumes for the training and transform jobs.</summary>
    public required IRole SageMakerRole { get; init; }
    /// <summary>The region's built-in XGBoost image URI (a token resolved from a region mapping).</summary>
    public required string TrainingImage { get; init; }
    /// <summary>S3 URI of the pipeline's <c>features.sql</c> asset.</summary>
    public required string SqlS3Uri { get; init; }
    public required ILogGroup LogGroup { get; init; }
    /// <summary>The pipeline's SageMaker Model Package Group: every candidate becomes a version of it.</summary>
    public required string ModelPackageGroupName { get; init; }
}
