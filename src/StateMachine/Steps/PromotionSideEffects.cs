using Amazon.CDK.AWS.StepFunctions;
using Amazon.CDK.AWS.StepFunctions.Tasks;
using Constructs;
using TrainingOrchestration.Pipelines.Conventions;

namespace TrainingOrchestration.StateMachine.Steps;

/// <summary>
/// What follows the champion write (WORKFLOW.md step 12): the MODEL items move (candidate CHAMPION, previous champion
/// RETIRED), the run's table profile becomes the accepted drift baseline, the candidate becomes an Approved model package, and <c>Model Promoted</c> is published with the approved
/// artifact's URI and the package's ARN. Each is a <see cref="SideEffect"/>: its failure is recorded and the run goes on.
/// </summary>
internal sealed class PromotionSideEffects
{
    private const string ChampionExpression = "SET #status = :champion, #promotedAt = :now, #artifact = :artifact";
    private const string RetireExpression = "SET #status = :retired, #retiredAt = :now, #retiredBy = :runId";

    /// <summary>Starts at <c>MarkModelChampion</c>.</summary>
    public Chain States { get; }

    /// <summary><c>PublishModelPromoted</c>, the last state; the caller makes its failures tolerated into what follows.</summary>
    public EventBridgePutEvents PublishPromoted { get; }

    public PromotionSideEffects(Construct scope, TrainingWorkflowProps props)
    {
        var pipeline = props.Spec.Name;
        PublishPromoted = Publish(scope, "PublishModelPromoted", pipeline, DomainEvents.ModelPromoted, "PROMOTED");

        var register = RegisterModelPackage.Create(scope, "RegisterApprovedModel", props, "Approved", "$.outcome.artifact");
        var notRegistered = NotRegistered(scope, "ApprovedModelNotRegistered");
        SideEffect.Tolerated(register, notRegistered);
        notRegistered.Next(PublishPromoted);
        register.Next(PublishPromoted);

        // The drift baseline moves only on promotion: the promoted run's profile (the validation Lambda's partition)
        // becomes PROFILE#ACCEPTED in the pipeline's own partition, which the Lambda may only read.
        var readProfile = ServiceRetries.Apply(new DynamoGetItem(scope, "ReadCandidateProfile", new DynamoGetItemProps
        {
            Table = props.Table,
            Key = PipelineKeys.Profile(pipeline, "$.runId"),
            ConsistentRead = true,
            ResultPath = "$.candidateProfile",
        }), ServiceRetries.DynamoDb);
        var acceptProfile = ServiceRetries.Apply(new DynamoPutItem(scope, "AcceptProfile", new DynamoPutItemProps
        {
            Table = props.Table,
            Item = new Dictionary<string, DynamoAttributeValue>
            {
                [PipelineKeys.PartitionKey] = DynamoAttributeValue.FromString(PipelineKeys.PipelinePk(pipeline)),
                [PipelineKeys.SortKey] = DynamoAttributeValue.FromString(TableKeys.AcceptedProfileSortKey),
                ["runId"] = DynamoAttributeValue.FromString(JsonPath.StringAt("$.runId")),
                ["profile"] = DynamoAttributeValue.FromString(JsonPath.StringAt("$.candidateProfile.Item.profile.S")),
                ["rowCount"] = DynamoAttributeValue.NumberFromString(JsonPath.StringAt("$.candidateProfile.Item.rowCount.N")),
                ["acceptedAt"] = DynamoAttributeValue.FromString(PipelineKeys.Now),
            },
            ResultPath = JsonPath.DISCARD,
        }), ServiceRetries.DynamoDb);
        var profiled = new Choice(scope, "CandidateProfiled?")
            .When(Condition.And(Condition.IsPresent("$.candidateProfile.Item.profile.S"), Condition.IsPresent("$.candidateProfile.Item.rowCount.N")), acceptProfile)
            .Otherwise(register);
        SideEffect.Tolerated(readProfile, register);
        SideEffect.Tolerated(acceptProfile, register);
        readProfile.Next(profiled);
        acceptProfile.Next(register);

        var retire = ServiceRetries.Apply(new DynamoUpdateItem(scope, "RetirePreviousChampion", new DynamoUpdateItemProps
        {
            Table = props.Table,
            Key = PipelineKeys.Model(pipeline, "$.evaluation.expectedChampionRunId"),
            UpdateExpression = RetireExpression,
            // Only an existing MODEL item is retired; a champion recorded before MODEL items existed has none.
            ConditionExpression = "attribute_exists(#status)",
            ExpressionAttributeNames = AttributeNames.In(RetireExpression),
            ExpressionAttributeValues = new Dictionary<string, DynamoAttributeValue>
            {
                [":retired"] = DynamoAttributeValue.FromString(ModelStatus.Retired),
                [":now"] = DynamoAttributeValue.FromString(PipelineKeys.Now),
                [":runId"] = DynamoAttributeValue.FromString(JsonPath.StringAt("$.runId")),
            },
            ResultPath = JsonPath.DISCARD,
        }), ServiceRetries.DynamoDb);
        retire.AddCatch(readProfile, new CatchProps { Errors = ["DynamoDB.ConditionalCheckFailedException"], ResultPath = JsonPath.DISCARD });
        SideEffect.Tolerated(retire, readProfile);
        retire.Next(readProfile);

        var previous = new Choice(scope, "PreviousChampion?")
            .When(Condition.StringEquals("$.evaluation.expectedChampionRunId", "none"), readProfile)
            .Otherwise(retire);

        var mark = ServiceRetries.Apply(new DynamoUpdateItem(scope, "MarkModelChampion", new DynamoUpdateItemProps
        {
            Table = props.Table,
            Key = PipelineKeys.Model(pipeline, "$.runId"),
            UpdateExpression = ChampionExpression,
            ExpressionAttributeNames = AttributeNames.In(ChampionExpression),
            ExpressionAttributeValues = new Dictionary<string, DynamoAttributeValue>
            {
                [":champion"] = DynamoAttributeValue.FromString(ModelStatus.Champion),
                [":now"] = DynamoAttributeValue.FromString(PipelineKeys.Now),
                [":artifact"] = DynamoAttributeValue.FromString(JsonPath.StringAt("$.outcome.artifact")),
            },
            ResultPath = JsonPath.DISCARD,
        }), ServiceRetries.DynamoDb);
        SideEffect.Tolerated(mark, previous);
        mark.Next(previous);

        States = Chain.Custom(mark, [PublishPromoted], PublishPromoted);
    }

    /// <summary>After a failed registration: <c>$.modelPackage.ModelPackageArn</c> is <c>none</c>, so what follows still reads it.</summary>
    public static Pass NotRegistered(Construct scope, string id) => new(scope, id, new PassProps
    {
        Result = Result.FromObject(new Dictionary<string, object> { ["ModelPackageArn"] = "none" }),
        ResultPath = RegisterModelPackage.ResultPath,
    });

    /// <summary>The domain event with <c>{pipeline, runId, decision, reason, metrics, artifact, modelPackageArn}</c>.</summary>
    public static EventBridgePutEvents Publish(Construct scope, string id, string pipeline, string detailType, string decision) =>
        ServiceRetries.Apply(new EventBridgePutEvents(scope, id, new EventBridgePutEventsProps
        {
            Entries = [DomainEvents.Entry(pipeline, detailType, decision, JsonPath.StringAt("$.evaluation.reason"), JsonPath.StringAt("$.evaluation.metrics"),
                more: new Dictionary<string, object>
                {
                    ["artifact"] = JsonPath.StringAt("$.outcome.artifact"),
                    ["modelPackageArn"] = JsonPath.StringAt(RegisterModelPackage.ResultPath + ".ModelPackageArn"),
                })],
            ResultPath = JsonPath.DISCARD,
        }), ServiceRetries.EventBridge);
}
