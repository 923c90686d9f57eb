using Amazon.CDK.AWS.DynamoDB;
using Amazon.CDK.AWS.IAM;
using Amazon.CDK.AWS.StepFunctions;
using Amazon.CDK.AWS.StepFunctions.Tasks;
using Constructs;
using TrainingOrchestration.Pipelines.Conventions;

namespace TrainingOrchestration.StateMachine;

/// <summary>
/// Promote or reject (WORKFLOW.md steps 11 to 13). Promotion is a conditional write on the champion item that only
/// succeeds if the champion is still the one the evaluation compared against; the approved artifact is then copied
/// to <c>models/approved/</c>. Both branches record the outcome, notify, release the lock and succeed.
/// </summary>
internal sealed class OutcomeStates
{
    public const string PromoteStateName = "PromoteCandidate";

    private const string RecordSucceededExpression = "SET #status = :succeeded, #decision = :decision, #reason = :reason, "
        + "#metrics = :metrics, #metricsSource = :metricsSource, #thresholds = :thresholds, #trainingJobName = :job, #finishedAt = :now";

    private const string PromoteExpression = "SET #runId = :runId, #artifact = :artifact, #metrics = :metrics, "
        + "#primaryMetric = :primary, #promotedAt = :now, #previousRunId = :expected";

    public Choice Decide { get; }
    public IReadOnlyList<TaskStateBase> Tasks { get; }
    /// <summary>ChampionChanged is a business outcome that fails the run; it enters the failure path through this Pass.</summary>
    public Pass ChampionChanged { get; }

    public OutcomeStates(Construct scope, TrainingWorkflowProps props, IChainable onFailed)
    {
        var pipeline = props.Spec.Name;
        var bucket = props.Bucket.BucketName;

        var done = new Succeed(scope, "Done");
        var release = ServiceRetries.Apply(new DynamoUpdateItem(scope, "ReleasePipelineLock", new DynamoUpdateItemProps
        {
            Table = props.Table,
            Key = PipelineKeys.Lock(pipeline),
            UpdateExpression = "REMOVE #holder, #acquiredAt SET #releasedAt = :now",
            ConditionExpression = "#holder = :me",
            ExpressionAttributeNames = AttributeNames.In("REMOVE #holder, #acquiredAt SET #releasedAt = :now"),
            ExpressionAttributeValues = new Dictionary<string, DynamoAttributeValue>
            {
                [":me"] = DynamoAttributeValue.FromString(PipelineKeys.ExecutionArn),
                [":now"] = DynamoAttributeValue.FromString(PipelineKeys.Now),
            },
            ResultPath = JsonPath.DISCARD,
        }), ServiceRetries.DynamoDb);
        // A lock taken over meanwhile is no longer ours to release; the run itself is done.
        release.AddCatch(done, new CatchProps { Errors = ["DynamoDB.ConditionalCheckFailedException"], ResultPath = JsonPath.DISCARD });
        release.Next(done);

        IChainable afterRecord = release;
        SnsPublish? notify = null;
        if (props.Spec.Notifications.NotifyOnSuccess)
        {
            notify = ServiceRetries.Apply(new SnsPublish(scope, "NotifyOutcome", new SnsPublishProps
            {
                Topic = props.Notifications,
                Subject = $"TrainingOrchestration {pipeline}: training run finished",
                Message = TaskInput.FromObject(new Dictionary<string, object>
                {
                    ["pipeline"] = pipeline,
                    ["runId"] = JsonPath.StringAt("$.runId"),
                    ["decision"] = JsonPath.StringAt("$.outcome.decision"),
                    ["reason"] = JsonPath.StringAt("$.evaluation.reason"),
                    ["metrics"] = JsonPath.StringAt("$.evaluation.metrics"),
                }),
                ResultPath = JsonPath.DISCARD,
            }), ServiceRetries.Sns);
            notify.Next(release);
            afterRecord = notify;
        }

        var record = ServiceRetries.Apply(new DynamoUpdateItem(scope, "RecordRunSucceeded", new DynamoUpdateItemProps
        {
            Table = props.Table,
            Key = PipelineKeys.Run(pipeline),
            UpdateExpression = RecordSucceededExpression,
            ExpressionAttributeNames = AttributeNames.In(RecordSucceededExpression),
            ExpressionAttributeValues = new Dictionary<string, DynamoAttributeValue>
            {
                [":succeeded"] = DynamoAttributeValue.FromString("SUCCEEDED"),
                [":decision"] = DynamoAttributeValue.FromString(JsonPath.StringAt("$.outcome.decision")),
                [":reason"] = DynamoAttributeValue.FromString(JsonPath.StringAt("$.evaluation.reason")),
                [":metrics"] = DynamoAttributeValue.FromString(JsonPath.JsonToString(JsonPath.StringAt("$.evaluation.metrics"))),
                [":metricsSource"] = DynamoAttributeValue.FromString(JsonPath.StringAt("$.evaluation.metricsSource")),
                [":thresholds"] = DynamoAttributeValue.FromString(JsonPath.JsonToString(JsonPath.StringAt("$.evaluation.thresholds"))),
                [":job"] = DynamoAttributeValue.FromString(JsonPath.StringAt(TrainingJobStates.JobNamePath)),
                [":now"] = DynamoAttributeValue.FromString(PipelineKeys.Now),
            },
            ResultPath = JsonPath.DISCARD,
        }), ServiceRetries.DynamoDb);
        record.Next(afterRecord);

        var publishPromoted = Publish(scope, "PublishModelPromoted", pipeline, DomainEvents.ModelPromoted, "PROMOTED");
        publishPromoted.Next(record);
        var publishRejected = Publish(scope, "PublishModelRejected", pipeline, DomainEvents.ModelRejected, "REJECTED");
        publishRejected.Next(record);

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
                ["CopySource"] = JsonPath.Format($"{bucket}/{BucketLayout.TrainingArtifact(pipeline, "{}")}", JsonPath.StringAt(TrainingJobStates.JobNamePath)),
                ["Key"] = JsonPath.Format(BucketLayout.ApprovedModel(pipeline, "{}"), JsonPath.StringAt("$.runId")),
                ["ServerSideEncryption"] = "aws:kms",
                ["SsekmsKeyId"] = props.Key.KeyArn,
            },
            ResultSelector = new Dictionary<string, object> { ["eTag"] = JsonPath.StringAt("$.CopyObjectResult.ETag") },
            ResultPath = "$.approved",
        }), ServiceRetries.S3);
        copy.Next(publishPromoted);

        ChampionChanged = new Pass(scope, "ChampionChanged", new PassProps
        {
            Parameters = new Dictionary<string, object>
            {
                ["Error"] = "ChampionChanged",
                ["Cause"] = JsonPath.Format("The champion changed while run {} was evaluated (expected {}); re-run to compare with the new champion.",
                    JsonPath.StringAt("$.runId"), JsonPath.StringAt("$.evaluation.expectedChampionRunId")),
            },
            ResultPath = FailureHandler.FailurePath,
        });
        ChampionChanged.Next(onFailed);

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
        promote.AddCatch(ChampionChanged, new CatchProps { Errors = ["DynamoDB.ConditionalCheckFailedException"], ResultPath = JsonPath.DISCARD });
        promote.Next(copy);

        Decide = new Choice(scope, "PromoteOrReject?")
            .When(Condition.StringEquals("$.evaluation.decision", "PROMOTE"), promote)
            .Otherwise(publishRejected);

        var tasks = new List<TaskStateBase> { promote, copy, publishPromoted, publishRejected, record, release };
        if (notify is not null)
        {
            tasks.Add(notify);
        }

        Tasks = tasks;
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
