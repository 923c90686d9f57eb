using Amazon.CDK.AWS.DynamoDB;
using Amazon.CDK.AWS.StepFunctions;
using Amazon.CDK.AWS.StepFunctions.Tasks;
using Constructs;

namespace TrainingOrchestration.StateMachine.Steps;

/// <summary>
/// Releases the pipeline lock taken by <see cref="AcquireLock"/>, on the way out of a successful run
/// (<c>ReleasePipelineLock</c>) and of a failed one (<c>ReleaseLockAfterFailure</c>). The write is conditional on
/// this execution still holding the lock: a lock taken over meanwhile is no longer ours to release, and the caller
/// catches <c>DynamoDB.ConditionalCheckFailedException</c> into its next state.
/// </summary>
internal static class ReleaseLock
{
    private const string ReleaseExpression = "REMOVE #holder, #acquiredAt SET #releasedAt = :now";

    public static DynamoUpdateItem Create(Construct scope, string stateName, string pipeline, ITable table) =>
        ServiceRetries.Apply(new DynamoUpdateItem(scope, stateName, new DynamoUpdateItemProps
        {
            Table = table,
            Key = PipelineKeys.Lock(pipeline),
            UpdateExpression = ReleaseExpression,
            ConditionExpression = "#holder = :me",
            ExpressionAttributeNames = AttributeNames.In(ReleaseExpression),
            ExpressionAttributeValues = new Dictionary<string, DynamoAttributeValue>
            {
                [":me"] = DynamoAttributeValue.FromString(PipelineKeys.ExecutionArn),
                [":now"] = DynamoAttributeValue.FromString(PipelineKeys.Now),
            },
            ResultPath = JsonPath.DISCARD,
        }), ServiceRetries.DynamoDb);
}
