using Amazon.CDK.AWS.DynamoDB;
using Amazon.CDK.AWS.StepFunctions;
using Amazon.CDK.AWS.StepFunctions.Tasks;
using Constructs;

namespace TrainingOrchestration.StateMachine.Steps;

/// <summary>
/// The trigger's change counter, settled by the run the trigger started (WORKFLOW.md "Trigger workflow"). The trigger
/// passes the counter's <c>generation</c> in <c>$.trigger.generation</c> and names the execution after it, so a second
/// trigger of the same generation is a duplicate. Only a run that holds the lock resets the pending count
/// (<see cref="Reset"/>); a run skipped as <c>PipelineBusy</c> only moves the generation on (<see cref="AdvanceGeneration"/>),
/// so the changes stay counted and the next trigger can start a run under a new name. Both writes are conditional on
/// the generation the trigger saw; a run started by hand (no generation) leaves the counter alone.
/// </summary>
internal static class ChangeCounter
{
    private const string ResetExpression = "SET #pendingChanges = :zero, #lastRunStartedAt = :now REMOVE #firstPendingAt ADD #generation :one";
    private const string AdvanceExpression = "ADD #generation :one";
    public const string GenerationPath = "$.trigger.generation";

    public static Chain Reset(Construct scope, string pipeline, ITable table) =>
        Settle(scope, pipeline, table, "ResetChangeCounter", "ChangeCounterReset", ResetExpression, new()
        {
            [":zero"] = DynamoAttributeValue.FromNumber(0),
            [":now"] = DynamoAttributeValue.FromString(PipelineKeys.Now),
        });

    public static Chain AdvanceGeneration(Construct scope, string pipeline, ITable table) =>
        Settle(scope, pipeline, table, "AdvanceTriggerGeneration", "TriggerGenerationAdvanced", AdvanceExpression, []);

    /// <param name="values">The expression's own values beside <c>:one</c> and <c>:seen</c>, which every settling uses.</param>
    private static Chain Settle(Construct scope, string pipeline, ITable table, string id, string settledId, string expression,
        Dictionary<string, DynamoAttributeValue> values)
    {
        values[":one"] = DynamoAttributeValue.FromNumber(1);
        values[":seen"] = DynamoAttributeValue.NumberFromString(JsonPath.JsonToString(JsonPath.NumberAt(GenerationPath)));

        const string condition = "#generation = :seen";
        var update = ServiceRetries.Apply(new DynamoUpdateItem(scope, id, new DynamoUpdateItemProps
        {
            Table = table,
            Key = PipelineKeys.TriggerCounter(pipeline),
            UpdateExpression = expression,
            ConditionExpression = condition,
            ExpressionAttributeNames = AttributeNames.In(expression, condition),
            ExpressionAttributeValues = values,
            ResultPath = JsonPath.DISCARD,
        }), ServiceRetries.DynamoDb);

        var settled = new Pass(scope, settledId);
        // Another run of the same generation settled the counter first: nothing left to do.
        update.AddCatch(settled, new CatchProps { Errors = ["DynamoDB.ConditionalCheckFailedException"], ResultPath = JsonPath.DISCARD });
        update.Next(settled);
        var counted = new Choice(scope, id + "?")
            .When(Condition.IsPresent(GenerationPath), update)
            .Otherwise(settled);
        return Chain.Custom(counted, [settled], settled);
    }
}
