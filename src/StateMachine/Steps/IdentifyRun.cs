using Amazon.CDK;
using Amazon.CDK.AWS.DynamoDB;
using Amazon.CDK.AWS.IAM;
using Amazon.CDK.AWS.StepFunctions;
using Amazon.CDK.AWS.StepFunctions.Tasks;
using Constructs;
using TrainingOrchestration.Pipelines.Conventions;

namespace TrainingOrchestration.StateMachine.Steps;

/// <summary>
/// <c>IdentifyRun</c> (WORKFLOW.md step 0) gives the execution its run id. The trigger passes one in the input; an
/// execution started again with the same input — the console's "New execution" on a failed run, a rerun — finds that
/// run already recorded by another execution and takes a fresh id instead, with <c>rerunOf</c> naming the old run,
/// so its training job name is new too. A redrive never passes here again: it resumes at the state that failed and
/// keeps its run id. An input without a run id gets a fresh one.
/// The fresh id has the trigger's shape, <c>yyyyMMddTHHmm-</c> and six hex characters: the execution's start minute
/// and the start of the SHA-256 of its ARN (Step Functions' <c>$hash</c>), so it is the same wherever it is computed.
/// <see cref="RecordRerunOf"/> writes the link on the new run's item once <c>RecordRunStarted</c> has made it.
/// </summary>
internal static class IdentifyRun
{
    public const string RerunOfPath = "$.rerunOf";

    /// <summary>JSONata for the fresh run id of the execution the expression runs in.</summary>
    public const string FreshRunIdExpression =
        "$join($split($join($split($substring($states.context.Execution.StartTime, 0, 16), '-')), ':')) & '-' & "
        + "$substring($hash($states.context.Execution.Id, 'SHA-256'), 0, 6)";

    public static JsonataTaskState Create(Construct scope, TrainingWorkflowProps props)
    {
        var pipeline = props.Spec.Name;
        var state = new JsonataTaskState(scope, "IdentifyRun", new Dictionary<string, object>
        {
            ["Type"] = "Task",
            ["Resource"] = $"arn:{Aws.PARTITION}:states:::dynamodb:getItem",
            ["Arguments"] = new Dictionary<string, object>
            {
                ["TableName"] = props.Table.TableName,
                ["Key"] = new Dictionary<string, object>
                {
                    [TableKeys.PartitionKey] = new Dictionary<string, object> { ["S"] = TableKeys.Pipeline(pipeline) },
                    [TableKeys.SortKey] = new Dictionary<string, object>
                    {
                        ["S"] = $"{{% '{TableKeys.RunPrefix}' & ($exists($states.input.runId) ? $states.input.runId : '-') %}}",
                    },
                },
                ["ConsistentRead"] = true,
                ["ProjectionExpression"] = "executionArn",
            },
            // A block binds the input and the fresh id once (Step Functions runs JSONata 2.0.6, bindings included:
            // https://docs.aws.amazon.com/step-functions/latest/dg/transforming-data.html).
            ["Output"] = "{% ($input := $states.input; $fresh := " + FreshRunIdExpression + "; "
                + "$not($exists($input.runId)) ? $merge([$input, {'runId': $fresh}]) : "
                + "($exists($states.result.Item) and $states.result.Item.executionArn.S != $states.context.Execution.Id) "
                + "? $merge([$input, {'runId': $fresh, 'rerunOf': $input.runId}]) : $input) %}",
        });
        state.AddRetry(ServiceRetries.For(ServiceRetries.DynamoDb));
        return state;
    }

    public static PolicyStatement PolicyStatement(ITable table) => new(new PolicyStatementProps
    {
        Actions = ["dynamodb:GetItem"],
        Resources = [table.TableArn],
    });

    private const string RerunOfExpression = "SET #rerunOf = :rerunOf";

    /// <summary>
    /// <c>Rerun?</c>: a rerun's item gets <c>rerunOf</c> (<c>RecordRerunOf</c>); every run goes on at <c>RunRecorded</c>.
    /// </summary>
    public static Chain RecordRerunOf(Construct scope, TrainingWorkflowProps props)
    {
        var record = ServiceRetries.Apply(new DynamoUpdateItem(scope, "RecordRerunOf", new DynamoUpdateItemProps
        {
            Table = props.Table,
            Key = PipelineKeys.Run(props.Spec.Name),
            UpdateExpression = RerunOfExpression,
            ExpressionAttributeNames = AttributeNames.In(RerunOfExpression),
            ExpressionAttributeValues = new Dictionary<string, DynamoAttributeValue>
            {
                [":rerunOf"] = DynamoAttributeValue.FromString(JsonPath.StringAt(RerunOfPath)),
            },
            ResultPath = JsonPath.DISCARD,
        }), ServiceRetries.DynamoDb);
        var recorded = new Pass(scope, "RunRecorded");
        record.Next(recorded);
        var rerun = new Choice(scope, "Rerun?")
            .When(Condition.IsPresent(RerunOfPath), record)
            .Otherwise(recorded);
        return Chain.Custom(rerun, [recorded], recorded);
    }
}
