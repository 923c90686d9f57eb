using Amazon.CDK;
using Amazon.CDK.AWS.DynamoDB;
using Amazon.CDK.AWS.StepFunctions;
using Amazon.CDK.AWS.StepFunctions.Tasks;
using Constructs;

namespace TrainingOrchestration.StateMachine.Steps;

/// <summary>
/// <c>AcquirePipelineLock</c> and the states that deal with a held lock (WORKFLOW.md step 1). The lock item names its
/// holder (the execution ARN). A second execution finding the lock held asks Step Functions whether the holder still
/// runs. A running holder, or a failed one whose lock the run-status workflow holds for a redrive
/// (<c>redriveUntil</c> still ahead), makes this run a recorded skip, <c>PipelineBusy</c>, not a failure. A holder
/// that ended without releasing (aborted, timed out, failed and past its redrive window, or gone) is taken over, and
/// so is a failed holder's lock by a rerun of that very run (<c>rerunOf</c>); a later redrive of the failed execution
/// is then stopped by the run-status workflow.
/// </summary>
internal sealed class AcquireLock
{
    private const string TakeExpression = "SET #holder = :me, #acquiredAt = :now, #runId = :runId REMOVE #releasedAt, #redriveUntil, #failedRunId";

    private const string BusyExpression = "SET #status = :skipped, #decision = :skipped, #reason = :reason, #runId = :runId, "
        + "#pipeline = :pipeline, #executionArn = :me, #startedAt = :now, #finishedAt = :now, #heldBy = :holder, #trigger = :trigger";

    public DynamoUpdateItem Acquire { get; }
    public DynamoUpdateItem TakeOver { get; }
    public DynamoGetItem Inspect { get; }
    public CallAwsService DescribeHolder { get; }

    /// <summary>Starts at <c>AcquirePipelineLock</c>; the run goes on from there or, after a take-over, from <c>PreviousRunSettled</c>.</summary>
    public Chain States => Chain.Custom(Acquire, [Acquire, _previousRunSettled], _previousRunSettled);

    private readonly Pass _previousRunSettled;

    private const string AbandonedExpression = "SET #status = :abandoned, #decision = :failed, #reason = :reason, #abandonedAt = :now";

    public AcquireLock(Construct scope, string pipeline, ITable table, string trainingStateMachineName)
    {
        var busy = RecordBusy(scope, pipeline, table);

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
            // The entered time rides along so the Choice can compare the lock's redrive window with now.
            ResultSelector = new Dictionary<string, object> { ["status"] = JsonPath.StringAt("$.Status"), ["now"] = PipelineKeys.Now },
            ResultPath = "$.lock.holderExecution",
        }), ServiceRetries.StepFunctionsSdk);

        var holderRunning = new Choice(scope, "LockHolderRunning?")
            .When(Condition.StringEquals("$.lock.holderExecution.status", "RUNNING"), busy)
            // A rerun of the failed run takes its lock over at once: the operator chose a new run over a redrive.
            .When(Condition.And(
                Condition.IsPresent(IdentifyRun.RerunOfPath),
                Condition.StringEqualsJsonPath(IdentifyRun.RerunOfPath, "$.lock.Item.runId.S")), TakeOver)
            .When(Condition.And(
                Condition.IsPresent("$.lock.Item.redriveUntil.S"),
                Condition.TimestampGreaterThanJsonPath("$.lock.Item.redriveUntil.S", "$.lock.holderExecution.now")), busy)
            .Otherwise(TakeOver);
        var lockHeld = new Choice(scope, "LockStillHeld?")
            .When(Condition.IsPresent("$.lock.Item.holder.S"), DescribeHolder)
            .Otherwise(Acquire);

        var conditionFailed = new[] { "DynamoDB.ConditionalCheckFailedException" };
        Acquire.AddCatch(Inspect, new CatchProps { Errors = conditionFailed, ResultPath = JsonPath.DISCARD });
        TakeOver.AddCatch(busy, new CatchProps { Errors = conditionFailed, ResultPath = JsonPath.DISCARD });
        DescribeHolder.AddCatch(TakeOver, new CatchProps { Errors = ["Sfn.ExecutionDoesNotExistException"], ResultPath = JsonPath.DISCARD });

        // A holder gone from Step Functions (more than 90 days after it closed) has nothing to redrive either.
        // The holder ended without recording its outcome (a killed local process, an abort that left no status event):
        // its run, still RUNNING, is marked ABANDONED so that no run stays RUNNING forever.
        const string stillRunning = "#status = :running";
        var abandon = ServiceRetries.Apply(new DynamoUpdateItem(scope, "RecordAbandonedRun", new DynamoUpdateItemProps
        {
            Table = table,
            Key = PipelineKeys.Run(pipeline, "$.lock.Item.runId.S"),
            UpdateExpression = AbandonedExpression,
            ConditionExpression = stillRunning,
            ExpressionAttributeNames = AttributeNames.In(AbandonedExpression, stillRunning),
            ExpressionAttributeValues = new Dictionary<string, DynamoAttributeValue>
            {
                [":abandoned"] = DynamoAttributeValue.FromString("ABANDONED"),
                [":failed"] = DynamoAttributeValue.FromString("FAILED"),
                [":running"] = DynamoAttributeValue.FromString("RUNNING"),
                [":reason"] = DynamoAttributeValue.FromString(JsonPath.Format(
                    "Abandoned: execution {} ended without recording its outcome; run {} took the pipeline lock over.",
                    JsonPath.StringAt("$.lock.Item.holder.S"), JsonPath.StringAt("$.runId"))),
                [":now"] = DynamoAttributeValue.FromString(PipelineKeys.Now),
            },
            ResultPath = JsonPath.DISCARD,
        }), ServiceRetries.DynamoDb);
        _previousRunSettled = new Pass(scope, "PreviousRunSettled");
        abandon.AddCatch(_previousRunSettled, new CatchProps { Errors = conditionFailed, ResultPath = JsonPath.DISCARD });
        abandon.Next(_previousRunSettled);
        TakeOver.Next(abandon);

        Inspect.Next(lockHeld);
        DescribeHolder.Next(holderRunning);
    }

    /// <summary>
    /// <c>PipelineBusy</c>: the run item records the skip (status and decision SKIPPED, the holder and why), and the
    /// run ends at <c>SkippedPipelineBusy</c>. Nothing pages; the trigger's change count was not reset, so the
    /// changes wait for the next run (see <see cref="ChangeCounter"/>).
    /// </summary>
    private static IChainable RecordBusy(Construct scope, string pipeline, ITable table)
    {
        var record = ServiceRetries.Apply(new DynamoUpdateItem(scope, "PipelineBusy", new DynamoUpdateItemProps
        {
            Table = table,
            Key = PipelineKeys.Run(pipeline),
            UpdateExpression = BusyExpression,
            ExpressionAttributeNames = AttributeNames.In(BusyExpression),
            ExpressionAttributeValues = new Dictionary<string, DynamoAttributeValue>
            {
                [":skipped"] = DynamoAttributeValue.FromString("SKIPPED"),
                [":reason"] = DynamoAttributeValue.FromString(JsonPath.Format(
                    "PipelineBusy: execution {} holds the pipeline lock for run {}; the changes wait for the next run.",
                    JsonPath.StringAt("$.lock.Item.holder.S"), JsonPath.StringAt("$.lock.Item.runId.S"))),
                [":runId"] = DynamoAttributeValue.FromString(JsonPath.StringAt("$.runId")),
                [":pipeline"] = DynamoAttributeValue.FromString(pipeline),
                [":me"] = DynamoAttributeValue.FromString(PipelineKeys.ExecutionArn),
                [":now"] = DynamoAttributeValue.FromString(PipelineKeys.Now),
                [":holder"] = DynamoAttributeValue.FromString(JsonPath.StringAt("$.lock.Item.holder.S")),
                [":trigger"] = DynamoAttributeValue.FromString(JsonPath.JsonToString(JsonPath.StringAt("$.trigger"))),
            },
            ResultPath = JsonPath.DISCARD,
        }), ServiceRetries.DynamoDb);
        return Chain.Start(record).Next(ChangeCounter.AdvanceGeneration(scope, pipeline, table))
            .Next(new Succeed(scope, "SkippedPipelineBusy"));
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
