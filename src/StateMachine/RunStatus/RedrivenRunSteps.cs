using Amazon.CDK.AWS.DynamoDB;
using Amazon.CDK.AWS.StepFunctions;
using Amazon.CDK.AWS.StepFunctions.Tasks;
using Constructs;

namespace TrainingOrchestration.StateMachine.RunStatus;

/// <summary>
/// What follows a redrive (the execution RUNNING again with a redrive count): <c>ClaimLockForRedrive</c> takes the
/// lock back — it is still this execution's, or free and not held by another run since — and <c>RecordRunRedriven</c> moves the run from FAILED to
/// RUNNING with the count. When another run took the lock over (after the redrive window, or a rerun), <c>StopRedrive</c> stops
/// the redriven execution (error <c>PipelineLockTakenOver</c>): two runs of one pipeline never run side by side.
/// </summary>
internal sealed class RedrivenRunSteps
{
    private const string ClaimExpression = "SET #holder = :execution, #acquiredAt = :now, #runId = :runId REMOVE #redriveUntil, #failedRunId, #releasedAt";
    // Still this execution's, or free and not taken by any other run since (a rerun that finished released it).
    private const string ClaimCondition = "#holder = :execution OR (attribute_not_exists(#holder) AND (attribute_not_exists(#runId) OR #runId = :runId))";
    private const string RedrivenExpression = "SET #status = :running, #redriveCount = :redriveCount, #redrivenAt = :now";
    private const string StillFailed = "#status = :failed";

    public Chain States { get; }

    public RedrivenRunSteps(Construct scope, string pipeline, ITable table, string trainingExecutions)
    {
        var claim = ServiceRetries.Apply(new DynamoUpdateItem(scope, "ClaimLockForRedrive", new DynamoUpdateItemProps
        {
            Table = table,
            Key = PipelineKeys.Lock(pipeline),
            UpdateExpression = ClaimExpression,
            ConditionExpression = ClaimCondition,
            ExpressionAttributeNames = AttributeNames.In(ClaimExpression, ClaimCondition),
            ExpressionAttributeValues = new Dictionary<string, DynamoAttributeValue>
            {
                [":execution"] = DynamoAttributeValue.FromString(JsonPath.StringAt("$.run.executionArn")),
                [":now"] = DynamoAttributeValue.FromString(PipelineKeys.Now),
                [":runId"] = DynamoAttributeValue.FromString(JsonPath.StringAt("$.run.runId")),
            },
            ResultPath = JsonPath.DISCARD,
        }), ServiceRetries.DynamoDb);

        // Only a run still FAILED moves to RUNNING: a quick redrive may have recorded its outcome already.
        var record = ServiceRetries.Apply(new DynamoUpdateItem(scope, "RecordRunRedriven", new DynamoUpdateItemProps
        {
            Table = table,
            Key = PipelineKeys.Run(pipeline, "$.run.runId"),
            UpdateExpression = RedrivenExpression,
            ConditionExpression = StillFailed,
            ExpressionAttributeNames = AttributeNames.In(RedrivenExpression, StillFailed),
            ExpressionAttributeValues = new Dictionary<string, DynamoAttributeValue>
            {
                [":running"] = DynamoAttributeValue.FromString("RUNNING"),
                [":failed"] = DynamoAttributeValue.FromString("FAILED"),
                [":redriveCount"] = DynamoAttributeValue.NumberFromString(JsonPath.JsonToString(JsonPath.NumberAt("$.run.redriveCount"))),
                [":now"] = DynamoAttributeValue.FromString(PipelineKeys.Now),
            },
            ResultPath = JsonPath.DISCARD,
        }), ServiceRetries.DynamoDb);
        var recorded = new Succeed(scope, "RedriveRecorded");
        record.AddCatch(recorded, new CatchProps { Errors = ["DynamoDB.ConditionalCheckFailedException"], ResultPath = JsonPath.DISCARD });

        var stop = ServiceRetries.Apply(new CallAwsService(scope, "StopRedrive", new CallAwsServiceProps
        {
            Service = "sfn",
            Action = "stopExecution",
            IamAction = "states:StopExecution",
            IamResources = [trainingExecutions],
            Parameters = new Dictionary<string, object>
            {
                ["ExecutionArn"] = JsonPath.StringAt("$.run.executionArn"),
                ["Error"] = "PipelineLockTakenOver",
                ["Cause"] = JsonPath.Format("Another run took the pipeline lock over after the redrive window of run {}; start a new execution (a rerun) instead.",
                    JsonPath.StringAt("$.run.runId")),
            },
            ResultPath = JsonPath.DISCARD,
        }), ServiceRetries.StepFunctionsSdk);
        var stopped = new Succeed(scope, "RedriveStopped");
        stop.AddCatch(stopped, new CatchProps { Errors = ["Sfn.ExecutionDoesNotExistException"], ResultPath = JsonPath.DISCARD });
        stop.Next(stopped);
        claim.AddCatch(stop, new CatchProps { Errors = ["DynamoDB.ConditionalCheckFailedException"], ResultPath = JsonPath.DISCARD });

        claim.Next(record);
        record.Next(recorded);
        States = Chain.Start(claim);
    }
}
