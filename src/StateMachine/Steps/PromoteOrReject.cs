using Amazon.CDK.AWS.IAM;
using Amazon.CDK.AWS.StepFunctions;
using Amazon.CDK.AWS.StepFunctions.Tasks;
using Constructs;
using TrainingOrchestration.Pipelines.Conventions;

namespace TrainingOrchestration.StateMachine.Steps;

/// <summary>
/// <c>PromoteOrReject?</c> (WORKFLOW.md steps 11 and 12). Promotion is a conditional write on the champion item that
/// only succeeds if the champion is still the one the evaluation compared against; the approved artifact is then
/// copied to <c>models/approved/</c>. Either branch publishes its domain event, which records the decision at
/// <c>$.outcome</c> for <see cref="RecordOutcome"/>.
/// </summary>
internal sealed class PromoteOrReject
{
    public const string PromoteStateName = "PromoteCandidate";

    private const string PromoteExpression = "SET #runId = :runId, #artifact = :artifact, #metrics = :metrics, "
        + "#primaryMetric = :primary, #promotedAt = :now, #previousRunId = :expected";

    /// <summary>Starts at the <c>PromoteOrReject?</c> choice; ends with <c>PublishModelPromoted</c> or <c>PublishModelRejected</c>.</summary>
    public Chain States { get; }

    public PromoteOrReject(Construct scope, TrainingWorkflowProps props, BusinessFailure failure)
    {
        var pipeline = props.Spec.Name;
        var bucket = props.Bucket.BucketName;

        var publishPromoted = Publish(scope, "PublishModelPromoted", pipeline, DomainEvents.ModelPromoted, "PROMOTED");
        var publishRejected = Publish(scope, "PublishModelRejected", pipeline, DomainEvents.ModelRejected, "REJECTED");

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
        copy.Next(publishPromoted);

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
                [":artifact"] = DynamoAttributeValue.FromString(JsonPath.StringAt("$.training.result.ModelArtifacts.S3ModelArtifacts")),
                [":metrics"] = DynamoAttributeValue.FromString(JsonPath.JsonToString(JsonPath.StringAt("$.evaluation.metrics"))),
                [":primary"] = DynamoAttributeValue.FromString(props.Spec.Evaluation.PrimaryMetric),
                [":now"] = DynamoAttributeValue.FromString(PipelineKeys.Now),
                [":expected"] = DynamoAttributeValue.FromString(JsonPath.StringAt("$.evaluation.expectedChampionRunId")),
            },
            ResultPath = JsonPath.DISCARD,
        }), ServiceRetries.DynamoDb);
        promote.AddCatch(championChanged, new CatchProps { Errors = ["DynamoDB.ConditionalCheckFailedException"], ResultPath = JsonPath.DISCARD });
        promote.Next(copy);

        var decide = new Choice(scope, "PromoteOrReject?")
            .When(Condition.StringEquals("$.evaluation.decision", "PROMOTE"), promote)
            .Otherwise(publishRejected);

        States = Chain.Custom(decide, [publishPromoted, publishRejected], publishRejected);
    }

    /// <summary>Publishes the domain event and, through a static ResultSelector, records the decision at <c>$.outcome</c>.</summary>
    private static EventBridgePutEvents Publish(Construct scope, string id, string pipeline, string detailType, string decision) =>
        ServiceRetries.Apply(new EventBridgePutEvents(scope, id, new EventBridgePutEventsProps
        {
            Entries = [DomainEvents.Entry(pipeline, detailType, decision, JsonPath.StringAt("$.evaluation.reason"), JsonPath.StringAt("$.evaluation.metrics"))],
            ResultSelector = new Dictionary<string, object> { ["decision"] = decision },
            ResultPath = "$.outcome",
        }), ServiceRetries.EventBridge);
}
