using Amazon.CDK.AWS.DynamoDB;
using Amazon.CDK.AWS.StepFunctions;
using Amazon.CDK.AWS.StepFunctions.Tasks;
using Constructs;

namespace TrainingOrchestration.StateMachine.Steps;

/// <summary><c>RecordRunStarted</c> (WORKFLOW.md step 2): the run item, RUNNING, with the execution and what triggered it.</summary>
internal static class RecordRunStarted
{
    public static DynamoPutItem Create(Construct scope, TrainingWorkflowProps props)
    {
        var pipeline = props.Spec.Name;
        var state = ServiceRetries.Apply(new DynamoPutItem(scope, "RecordRunStarted", new DynamoPutItemProps
        {
            Table = props.Table,
            Item = new Dictionary<string, DynamoAttributeValue>(PipelineKeys.Run(pipeline))
            {
                ["runId"] = DynamoAttributeValue.FromString(JsonPath.StringAt("$.runId")),
                ["pipeline"] = DynamoAttributeValue.FromString(pipeline),
                ["status"] = DynamoAttributeValue.FromString("RUNNING"),
                ["executionArn"] = DynamoAttributeValue.FromString(PipelineKeys.ExecutionArn),
                ["startedAt"] = DynamoAttributeValue.FromString(PipelineKeys.Now),
                ["trigger"] = DynamoAttributeValue.FromString(JsonPath.JsonToString(JsonPath.StringAt("$.trigger"))),
            },
            ResultPath = JsonPath.DISCARD,
        }), ServiceRetries.DynamoDb);
        return state;
    }
}
