using Amazon.CDK.AWS.IAM;
using Amazon.CDK.AWS.StepFunctions;
using Amazon.CDK.AWS.StepFunctions.Tasks;
using Constructs;
using TrainingOrchestration.Pipelines.Conventions;

namespace TrainingOrchestration.StateMachine.Steps;

/// <summary>
/// <c>PromoteOrReject?</c> (WORKFLOW.md steps 11 and 12). Promotion copies the artifact to <c>models/approved/</c>
/// FIRST, so a failed copy never leaves a moved champion; then the conditional champion write points <c>CHAMPION</c>
/// at that copy, and only succeeds if the champion is still the one the evaluation compared against. What follows
/// the write (<see cref="PromotionSideEffects"/>) cannot undo it. A rejection registers the candidate as a Rejected
/// model package and publishes <c>Model Rejected</c>. Both branches put <c>{decision, artifact, sideEffects}</c> at
/// <c>$.outcome</c> for <see cref="RecordOutcome"/>.
/// </summary>
internal sealed class PromoteOrReject
{
    public const string PromoteStateName = "PromoteCandidate";

    private const string PromoteExpression = "SET #runId = :runId, #artifact = :artifact, #metrics = :metrics, "
        + "#primaryMetric = :primary, #promotedAt = :now, #previousRunId = :expected, #trainingJobName = :job";

    /// <summary>Starts at the <c>PromoteOrReject?</c> choice; ends with <c>PublishModelPromoted</c> or <c>PublishModelRejected</c>.</summary>
    public Chain States { get; }

    /// <param name="next">Where the run goes after the decision's events (<see cref="RecordOutcome"/>), also when publishing fails.</param>
    public PromoteOrReject(Construct scope, TrainingWorkflowProps props, BusinessFailure failure, IChainable next)
    {
        var pipeline = props.Spec.Name;
        var bucket = props.Bucket.BucketName;

        var copy = ServiceRetries.Apply(new CallAwsService(scope, "CopyApprovedModel", new CallAwsServiceProps
        {
            Service = "s3",
            Action = "copyObject",
            IamAction = "s3:PutObject",
            IamResources = [props.Bucket.ArnForObjects(BucketLayout.PipelineApprovedModels(pipeline) + "*")],
            AdditionalIamStatements =
            [
                new PolicyStatement(new PolicyStatementProps
                {
                    Actions = ["s3:GetObject", "s3:GetObjectVersion"],
                    Resources = [props.Bucket.ArnForObjects(BucketLayout.PipelineRawModels(pipeline) + "*")],
                }),
            ],
            Parameters = new Dictionary<string, object>
            {
                ["Bucket"] = bucket,
                ["CopySource"] = JsonPath.Format($"{bucket}/{BucketLayout.TrainingArtifact(pipeline, "{}")}", JsonPath.StringAt(TrainModel.JobNamePath)),
                ["Key"] = JsonPath.Format(BucketLayout.ApprovedModel(pipeline, "{}"), JsonPath.StringAt("$.runId")),
                ["ServerSideEncryption"] = "aws:kms",
                ["SsekmsKeyId"] = props.Key.KeyArn,
            },
            ResultSelector = new Dictionary<string, object> { ["eTag"] = JsonPath.StringAt("$.CopyObjectResult.ETag") },
            ResultPath = "$.approved",
        }), ServiceRetries.S3);

        // ChampionChanged is a business outcome that fails the run; it enters the failure path through this Pass.
        var championChanged = new Pass(scope, "ChampionChanged", new PassProps
        {
            Parameters = new Dictionary<string, object>
            {
                ["Error"] = "ChampionChanged",
                ["Cause"] = JsonPath.Format("The champion changed while run {} was evaluated (expected {}); re-run to compare with the new champion.",
                    JsonPath.StringAt("$.runId"), JsonPath.StringAt("$.evaluation.expectedChampionRunId")),
            },
            ResultPath = BusinessFailure.FailurePath,
        });
        championChanged.Next(failure.FailedAt(PromoteStateName));

        var promote = ServiceRetries.Apply(new DynamoUpdateItem(scope, PromoteStateName, new DynamoUpdateItemProps
        {
            Table = props.Table,
            Key = PipelineKeys.Champion(pipeline),
            UpdateExpression = PromoteExpression,
            ConditionExpression = "attribute_not_exists(#runId) OR #runId = :expected",
            ExpressionAttributeNames = AttributeNames.In(PromoteExpression),
            ExpressionAttributeValues = new Dictionary<string, DynamoAttributeValue>
            {
                [":runId"] = DynamoAttributeValue.FromString(JsonPath.StringAt("$.runId")),
                [":artifact"] = DynamoAttributeValue.FromString(JsonPath.Format($"s3://{bucket}/{BucketLayout.ApprovedModel(pipeline, "{}")}", JsonPath.StringAt("$.runId"))),
                [":metrics"] = DynamoAttributeValue.FromString(JsonPath.JsonToString(JsonPath.StringAt("$.evaluation.metrics"))),
                [":primary"] = DynamoAttributeValue.FromString(props.Spec.Evaluation.PrimaryMetric),
                [":now"] = DynamoAttributeValue.FromString(PipelineKeys.Now),
                [":expected"] = DynamoAttributeValue.FromString(JsonPath.StringAt("$.evaluation.expectedChampionRunId")),
                [":job"] = DynamoAttributeValue.FromString(JsonPath.StringAt(TrainModel.JobNamePath)),
            },
            ReturnValues = DynamoReturnValues.UPDATED_NEW,
            // The decision is made here: whatever fails after this write, the run is PROMOTED.
            ResultSelector = SideEffect.Outcome("PROMOTED", new Dictionary<string, object> { ["artifact"] = JsonPath.StringAt("$.Attributes.artifact.S") }),
            ResultPath = SideEffect.OutcomePath,
        }), ServiceRetries.DynamoDb);
        promote.AddCatch(championChanged, new CatchProps { Errors = ["DynamoDB.ConditionalCheckFailedException"], ResultPath = JsonPath.DISCARD });

        var promoted = new PromotionSideEffects(scope, props);
        copy.Next(promote).Next(promoted.States);

        var rejected = new Pass(scope, "CandidateRejected", new PassProps
        {
            Parameters = SideEffect.Outcome("REJECTED", new Dictionary<string, object>
            {
                ["artifact"] = JsonPath.StringAt("$.training.result.ModelArtifacts.S3ModelArtifacts"),
            }),
            ResultPath = SideEffect.OutcomePath,
        });
        var publishRejected = PromotionSideEffects.Publish(scope, "PublishModelRejected", pipeline, DomainEvents.ModelRejected, "REJECTED");
        var registerRejected = RegisterModelPackage.Create(scope, "RegisterRejectedModel", props, "Rejected", "$.outcome.artifact");
        var notRegistered = PromotionSideEffects.NotRegistered(scope, "RejectedModelNotRegistered");
        SideEffect.Tolerated(registerRejected, notRegistered);
        notRegistered.Next(publishRejected);
        rejected.Next(registerRejected).Next(publishRejected);

        var decide = new Choice(scope, "PromoteOrReject?")
            .When(Condition.StringEquals("$.evaluation.decision", "PROMOTE"), copy)
            .Otherwise(rejected);

        // Up to the champion write a failure fails the execution at its state (nothing has moved; a redrive resumes there).
        // A pipeline with a deployment sends the promoted model to its endpoint after the event (DeployModel).
        var deploy = props.Spec.Deployment is null ? null : new DeployModel(scope, props, next);
        if (deploy is not null) promoted.PublishPromoted.Next(deploy.States);
        SideEffect.Tolerated(promoted.PublishPromoted, deploy?.States ?? next);
        SideEffect.Tolerated(publishRejected, next);
        States = Chain.Custom(decide, [.. deploy?.States.EndStates ?? [promoted.PublishPromoted], publishRejected], publishRejected);
    }
}
