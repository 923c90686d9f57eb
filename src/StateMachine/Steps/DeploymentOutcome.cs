using Amazon.CDK.AWS.StepFunctions;
using Amazon.CDK.AWS.StepFunctions.Tasks;
using Constructs;

namespace TrainingOrchestration.StateMachine.Steps;

/// <summary>
/// How <see cref="DeployModel"/> ends: its result <c>{status, reason}</c> at <c>$.deployment.result</c> (DEPLOYED,
/// ROLLED_BACK or FAILED); a deployment that did not complete becomes the side effect <c>DeployModel</c> in
/// <c>$.outcome.sideEffects</c> (error <c>EndpointDeploymentNotCompleted</c>) and is notified (<c>NotifyDeploymentProblem</c>,
/// telling the operator the champion and the endpoint now differ); <c>RecordDeployment</c> writes the run's
/// <c>deployment</c> map.
/// </summary>
internal static class DeploymentOutcome
{
    public const string ResultPath = "$.deployment.result";
    public const string SideEffectName = "DeployModel";
    public const string NotCompletedError = "EndpointDeploymentNotCompleted";

    private const string RecordExpression = "SET #deployment = :deployment";

    public static Pass Result(Construct scope, string id, string status, string reason) => new(scope, id, new PassProps
    {
        Parameters = new Dictionary<string, object> { ["status"] = status, ["reason"] = reason },
        ResultPath = ResultPath,
    });

    /// <summary><c>FailureReasonGiven?</c>: SageMaker's own reason, when DescribeEndpoint gave one, is added to the result's.</summary>
    public static Choice WithFailureReason(Construct scope, IChainable next)
    {
        var add = new Pass(scope, "AddFailureReason", new PassProps
        {
            Parameters = new Dictionary<string, object>
            {
                ["status"] = JsonPath.StringAt(ResultPath + ".status"),
                ["reason"] = JsonPath.Format("{} FailureReason: {}", JsonPath.StringAt(ResultPath + ".reason"), JsonPath.StringAt("$.deployment.described.FailureReason")),
            },
            ResultPath = ResultPath,
        });
        add.Next(next);
        return new Choice(scope, "FailureReasonGiven?")
            .When(Condition.IsPresent("$.deployment.described.FailureReason"), add)
            .Otherwise(next);
    }

    public static Pass NotCompleted(Construct scope) => new(scope, "DeploymentNotCompleted", new PassProps
    {
        Parameters = new Dictionary<string, object>
        {
            ["Error"] = NotCompletedError,
            ["Cause"] = JsonPath.Format("{}: {}", JsonPath.StringAt(ResultPath + ".status"), JsonPath.StringAt(ResultPath + ".reason")),
        },
        ResultPath = $"{SideEffect.OutcomePath}.sideEffects.{SideEffectName}",
    });

    public static SnsPublish Notify(Construct scope, TrainingWorkflowProps props) => ServiceRetries.Apply(new SnsPublish(scope, "NotifyDeploymentProblem", new SnsPublishProps
    {
        Topic = props.Notifications,
        Subject = $"TrainingOrchestration {props.Spec.Name}: deployment not completed",
        Message = TaskInput.FromObject(new Dictionary<string, object>
        {
            ["pipeline"] = props.Spec.Name,
            ["event"] = "deployment not completed",
            ["runId"] = JsonPath.StringAt("$.runId"),
            ["endpoint"] = JsonPath.StringAt("$.deployment.endpoint"),
            ["endpointConfig"] = JsonPath.StringAt("$.deployment.endpointConfig"),
            ["status"] = JsonPath.StringAt(ResultPath + ".status"),
            ["reason"] = JsonPath.StringAt(ResultPath + ".reason"),
            ["action"] = $"The champion is this run's model but the endpoint serves the previous one: see runbooks/endpoint-rolled-back.md "
                + $"(roll the champion back with 'models {props.Spec.Name} rollback <version>', or fix the cause and rerun).",
        }),
        ResultPath = JsonPath.DISCARD,
    }), ServiceRetries.Sns);

    public static DynamoUpdateItem Record(Construct scope, TrainingWorkflowProps props) => ServiceRetries.Apply(new DynamoUpdateItem(scope, "RecordDeployment", new DynamoUpdateItemProps
    {
        Table = props.Table,
        Key = PipelineKeys.Run(props.Spec.Name),
        UpdateExpression = RecordExpression,
        ExpressionAttributeNames = AttributeNames.In(RecordExpression),
        ExpressionAttributeValues = new Dictionary<string, DynamoAttributeValue>
        {
            [":deployment"] = DynamoAttributeValue.FromMap(new Dictionary<string, DynamoAttributeValue>
            {
                ["endpoint"] = DynamoAttributeValue.FromString(JsonPath.StringAt("$.deployment.endpoint")),
                ["endpointConfig"] = DynamoAttributeValue.FromString(JsonPath.StringAt("$.deployment.endpointConfig")),
                ["status"] = DynamoAttributeValue.FromString(JsonPath.StringAt(ResultPath + ".status")),
                ["reason"] = DynamoAttributeValue.FromString(JsonPath.StringAt(ResultPath + ".reason")),
                ["recordedAt"] = DynamoAttributeValue.FromString(PipelineKeys.Now),
            }),
        },
        ResultPath = JsonPath.DISCARD,
    }), ServiceRetries.DynamoDb);
}
