using Amazon.CDK.AWS.DynamoDB;
using Amazon.CDK.AWS.SNS;
using Amazon.CDK.AWS.StepFunctions;
using Amazon.CDK.AWS.StepFunctions.Tasks;
using Constructs;

namespace TrainingOrchestration.StateMachine.RunStatus;

/// <summary>
/// What follows a training execution that FAILED, TIMED_OUT or was ABORTED: <c>RecordRunFailed</c> (unless the run
/// already recorded its outcome: then <c>RecordSideEffectFailed</c> names what failed after it, and the run stays
/// PROMOTED or REJECTED), <c>HoldLockForRedrive</c>, <c>NotifyFailure</c>, <c>PageOnCall</c> for a critical
/// pipeline, <c>PublishRunFailed</c>. The notifications catch everything and move on, so one broken topic cannot
/// hide the record or the event.
/// </summary>
internal sealed class FailedRunSteps
{
    private const string FailedExpression = "SET #status = :failed, #decision = :failed, #error = :error, #cause = :cause, "
        + "#finishedAt = :now, #executionArn = :execution, #failedState = :failedState, #redriveCount = :redriveCount, "
        + "#runId = :runId, #pipeline = :pipeline";
    private const string NotYetSucceeded = "attribute_not_exists(#status) OR #status <> :succeeded";
    private const string SideEffectExpression = "SET #sideEffectFailed = :sideEffect";
    private const string HoldExpression = "SET #redriveUntil = :until, #failedRunId = :runId";

    public Chain States { get; }

    public FailedRunSteps(Construct scope, string pipeline, ITable table, ITopic notifications, ITopic? paging)
    {
        var runKey = PipelineKeys.Run(pipeline, "$.run.runId");
        var record = ServiceRetries.Apply(new DynamoUpdateItem(scope, "RecordRunFailed", new DynamoUpdateItemProps
        {
            Table = table,
            Key = runKey,
            UpdateExpression = FailedExpression,
            ConditionExpression = NotYetSucceeded,
            ExpressionAttributeNames = AttributeNames.In(FailedExpression, NotYetSucceeded),
            ExpressionAttributeValues = new Dictionary<string, DynamoAttributeValue>
            {
                [":failed"] = DynamoAttributeValue.FromString("FAILED"),
                [":succeeded"] = DynamoAttributeValue.FromString("SUCCEEDED"),
                [":error"] = DynamoAttributeValue.FromString(JsonPath.StringAt("$.run.error")),
                [":cause"] = DynamoAttributeValue.FromString(JsonPath.StringAt("$.run.cause")),
                [":now"] = DynamoAttributeValue.FromString(PipelineKeys.Now),
                [":execution"] = DynamoAttributeValue.FromString(JsonPath.StringAt("$.run.executionArn")),
                [":failedState"] = DynamoAttributeValue.FromString(JsonPath.StringAt("$.run.failedState")),
                [":redriveCount"] = DynamoAttributeValue.NumberFromString(JsonPath.JsonToString(JsonPath.NumberAt("$.run.redriveCount"))),
                [":runId"] = DynamoAttributeValue.FromString(JsonPath.StringAt("$.run.runId")),
                [":pipeline"] = DynamoAttributeValue.FromString(pipeline),
            },
            ResultPath = JsonPath.DISCARD,
        }), ServiceRetries.DynamoDb);

        // The run recorded its outcome (the champion may already serve) and something after it failed, e.g. the lock
        // release: the outcome stands and the failed step is named on the run.
        var sideEffect = ServiceRetries.Apply(new DynamoUpdateItem(scope, "RecordSideEffectFailed", new DynamoUpdateItemProps
        {
            Table = table,
            Key = runKey,
            UpdateExpression = SideEffectExpression,
            ExpressionAttributeNames = AttributeNames.In(SideEffectExpression),
            ExpressionAttributeValues = new Dictionary<string, DynamoAttributeValue>
            {
                [":sideEffect"] = DynamoAttributeValue.FromString(JsonPath.Format("{}: {}: {}",
                    JsonPath.StringAt("$.run.failedState"), JsonPath.StringAt("$.run.error"), JsonPath.StringAt("$.run.cause"))),
            },
            ResultPath = JsonPath.DISCARD,
        }), ServiceRetries.DynamoDb);
        record.AddCatch(sideEffect, new CatchProps { Errors = ["DynamoDB.ConditionalCheckFailedException"], ResultPath = JsonPath.DISCARD });

        const string heldByThisRun = "#holder = :execution";
        var hold = ServiceRetries.Apply(new DynamoUpdateItem(scope, "HoldLockForRedrive", new DynamoUpdateItemProps
        {
            Table = table,
            Key = PipelineKeys.Lock(pipeline),
            UpdateExpression = HoldExpression,
            ConditionExpression = heldByThisRun,
            ExpressionAttributeNames = AttributeNames.In(HoldExpression, heldByThisRun),
            ExpressionAttributeValues = new Dictionary<string, DynamoAttributeValue>
            {
                [":until"] = DynamoAttributeValue.FromString(JsonPath.StringAt("$.run.redriveUntil")),
                [":runId"] = DynamoAttributeValue.FromString(JsonPath.StringAt("$.run.runId")),
                [":execution"] = DynamoAttributeValue.FromString(JsonPath.StringAt("$.run.executionArn")),
            },
            ResultPath = JsonPath.DISCARD,
        }), ServiceRetries.DynamoDb);

        var publish = ServiceRetries.Apply(new EventBridgePutEvents(scope, "PublishRunFailed", new EventBridgePutEventsProps
        {
            Entries =
            [
                DomainEvents.Entry(pipeline, DomainEvents.RunFailed, "FAILED", JsonPath.StringAt("$.run.error"), new Dictionary<string, object>(),
                    "$.run.runId", new Dictionary<string, object>
                    {
                        ["failedState"] = JsonPath.StringAt("$.run.failedState"),
                        ["cause"] = JsonPath.StringAt("$.run.cause"),
                        ["executionArn"] = JsonPath.StringAt("$.run.executionArn"),
                    }),
            ],
            ResultPath = JsonPath.DISCARD,
        }), ServiceRetries.EventBridge);
        var done = new Succeed(scope, "FailureRecorded");
        FailureNotices.ContinueOnError(publish, done);

        var notify = FailureNotices.Before(publish, scope, pipeline, notifications, paging, TaskInput.FromObject(new Dictionary<string, object>
        {
            ["pipeline"] = pipeline,
            ["runId"] = JsonPath.StringAt("$.run.runId"),
            ["status"] = JsonPath.StringAt("$.run.status"),
            ["failedState"] = JsonPath.StringAt("$.run.failedState"),
            ["error"] = JsonPath.StringAt("$.run.error"),
            ["cause"] = JsonPath.StringAt("$.run.cause"),
            ["execution"] = JsonPath.StringAt("$.run.executionArn"),
            ["lockHeldUntil"] = JsonPath.StringAt("$.run.redriveUntil"),
            ["whatNext"] = "Redrive the execution from the console to resume at the failed state, or start a new execution to rerun; see runbooks/rerun-vs-redrive.md.",
        }));

        hold.AddCatch(notify, new CatchProps { Errors = ["DynamoDB.ConditionalCheckFailedException"], ResultPath = JsonPath.DISCARD });
        hold.Next(notify);
        record.Next(hold);
        sideEffect.Next(hold);
        publish.Next(done);
        States = Chain.Start(record);
    }

}
