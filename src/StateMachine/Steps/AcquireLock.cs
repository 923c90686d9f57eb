using Amazon.CDK;
using Amazon.CDK.AWS.DynamoDB;
using Amazon.CDK.AWS.StepFunctions;
using Amazon.CDK.AWS.StepFunctions.Tasks;
using Constructs;

namespace TrainingOrchestration.StateMachine.Steps;

/// <summary>
/// <c>AcquirePipelineLock</c> and the states that deal with a held lock (WORKFLOW.md step 1). The lock item names its holder (the execution ARN). A second
/// execution finding the lock held asks Step Functions whether the holder still runs: a holder that was aborted or
/// timed out never reached its release step, so its lock is taken over instead of blocking the pipeline forever.
/// Step Functions has no clock arithmetic, so staleness is judged by the holder's status rather than an expiry time.
/// </summary>
internal sealed class AcquireLock
{
    private const string TakeExpression = "SET #holder = :me, #acquiredAt = :now, #runId = :runId REMOVE #releasedAt";

    public DynamoUpdateItem Acquire { get; }
    public DynamoUpdateItem TakeOver { get; }
    public DynamoGetItem Inspect { get; }
    public CallAwsService DescribeHolder { get; }

    /// <summary>Starts at <c>AcquirePipelineLock</c>; the run goes on from there or from <c>TakeOverStaleLock</c>.</summary>
    public Chain States => Chain.Custom(Acquire, [Acquire, TakeOver], TakeOver);

    public AcquireLock(Construct scope, string pipeline, ITable table, string trainingStateMachineName, FailureHandler failure)
    {
        var busy = new Fail(scope, "PipelineBusy", new FailProps
        {
            Error = "PipelineBusy",
            Cause = $"Another training run of pipeline '{pipeline}' holds the lock.",
        });

        Acquire = LockUpdate(scope, "AcquirePipelineLock", pipeline, table,
            "attribute_not_exists(#holder) OR #holder = :me", null);
        TakeOver = LockUpdate(scope, "TakeOverStaleLock", pipeline, table,
            "#holder = :stale", JsonPath.StringAt("$.lock.Item.holder.S"));

        Inspect = ServiceRetries.Apply(new DynamoGetItem(scope, "InspectLockHolder", new DynamoGetItemProps
        {
            Table = table,
            Key = PipelineKeys.Lock(pipeline),
            ConsistentRead = true,
            ResultPath = "$.lock",
        }), ServiceRetries.DynamoDb);

        DescribeHolder = ServiceRetries.Apply(new CallAwsService(scope, "DescribeLockHolder", new CallAwsServiceProps
        {
            Service = "sfn",
            Action = "describeExecution",
            IamAction = "states:DescribeExecution",
            IamResources =
            [
                Stack.Of(scope).FormatArn(new ArnComponents
                {
                    Service = "states",
                    Resource = "execution",
                    ResourceName = $"{trainingStateMachineName}:*",
                    ArnFormat = ArnFormat.COLON_RESOURCE_NAME,
                }),
            ],
            Parameters = new Dictionary<string, object> { ["ExecutionArn"] = JsonPath.StringAt("$.lock.Item.holder.S") },
            ResultSelector = new Dictionary<string, object> { ["status"] = JsonPath.StringAt("$.Status") },
            ResultPath = "$.lock.holderExecution",
        }), ServiceRetries.StepFunctionsSdk);

        var holderRunning = new Choice(scope, "LockHolderRunning?")
            .When(Condition.StringEquals("$.lock.holderExecution.status", "RUNNING"), busy)
            .Otherwise(TakeOver);
        var lockHeld = new Choice(scope, "LockStillHeld?")
            .When(Condition.IsPresent("$.lock.Item.holder.S"), DescribeHolder)
            .Otherwise(Acquire);

        var conditionFailed = new[] { "DynamoDB.ConditionalCheckFailedException" };
        Acquire.AddCatch(Inspect, new CatchProps { Errors = conditionFailed, ResultPath = JsonPath.DISCARD });
        TakeOver.AddCatch(busy, new CatchProps { Errors = conditionFailed, ResultPath = JsonPath.DISCARD });
        DescribeHolder.AddCatch(TakeOver, new CatchProps { Errors = ["Sfn.ExecutionDoesNotExistException"], ResultPath = JsonPath.DISCARD });

        Inspect.Next(lockHeld);
        DescribeHolder.Next(holderRunning);

        foreach (var task in new TaskStateBase[] { Acquire, TakeOver, Inspect, DescribeHolder })
        {
            failure.Catch(task);
        }
    }

    private static DynamoUpdateItem LockUpdate(Construct scope, string id, string pipeline, ITable table, string condition, string? staleHolder)
    {
        var values = new Dictionary<string, DynamoAttributeValue>
        {
            [":me"] = DynamoAttributeValue.FromString(PipelineKeys.ExecutionArn),
            [":now"] = DynamoAttributeValue.FromString(PipelineKeys.Now),
            [":runId"] = DynamoAttributeValue.FromString(JsonPath.StringAt("$.runId")),
        };
        if (staleHolder is not null)
        {
            values[":stale"] = DynamoAttributeValue.FromString(staleHolder);
        }

        return ServiceRetries.Apply(new DynamoUpdateItem(scope, id, new DynamoUpdateItemProps
        {
            Table = table,
            Key = PipelineKeys.Lock(pipeline),
            UpdateExpression = TakeExpression,
            ConditionExpression = condition,
            ExpressionAttributeNames = AttributeNames.In(TakeExpression, condition),
            ExpressionAttributeValues = values,
            ResultPath = JsonPath.DISCARD,
        }), ServiceRetries.DynamoDb);
    }
}
