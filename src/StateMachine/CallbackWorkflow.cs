using Amazon.CDK;
using Amazon.CDK.AWS.DynamoDB;
using Amazon.CDK.AWS.StepFunctions;
using Amazon.CDK.AWS.StepFunctions.Tasks;
using Constructs;
using TrainingOrchestration.Pipelines.Conventions;

namespace TrainingOrchestration.StateMachine;

/// <summary>
/// The callback workflow (Express, WORKFLOW.md "Callback workflow"): turns a SageMaker Training Job State Change
/// event into SendTaskSuccess or SendTaskFailure for the training execution waiting on the job. It tolerates an event
/// that arrives before the token is stored (waits and looks again), duplicate events (the token is claimed with a
/// conditional write), and a token whose task already closed (the training execution timed out and reconciled).
/// </summary>
public sealed class CallbackWorkflow : Construct
{
    public const int MaxTokenWaits = 20;
    public static readonly Duration TokenWaitInterval = Duration.Seconds(10);

    public Amazon.CDK.AWS.StepFunctions.StateMachine StateMachine { get; }

    public static string StateMachineName(string pipeline) => ResourceNames.CallbackStateMachine(pipeline);

    public CallbackWorkflow(Construct scope, string id, CallbackWorkflowProps props) : base(scope, id)
    {
        var pipeline = props.Pipeline;
        var table = props.Table;
        var training = props.Training;
        const string jobName = "$.detail.TrainingJobName";
        var duplicate = new Succeed(this, "DuplicateEvent");
        var closed = new Succeed(this, "TaskAlreadyClosed");

        var closedErrors = new[] { "Sfn.TaskTimedOutException", "Sfn.InvalidTokenException", "Sfn.TaskDoesNotExistException" };
        var reportSucceeded = ServiceRetries.Apply(new CallAwsService(this, "ReportTrainingSucceeded", new CallAwsServiceProps
        {
            Service = "sfn",
            Action = "sendTaskSuccess",
            IamAction = "states:SendTaskSuccess",
            IamResources = [training.StateMachineArn],
            Parameters = new Dictionary<string, object>
            {
                ["TaskToken"] = JsonPath.StringAt("$.token.Item.taskToken.S"),
                ["Output"] = JsonPath.JsonToString(JsonPath.StringAt("$.detail")),
            },
            ResultPath = JsonPath.DISCARD,
        }), ServiceRetries.StepFunctionsSdk);
        reportSucceeded.AddCatch(closed, new CatchProps { Errors = closedErrors, ResultPath = "$.closed" });

        var reportFailed = ServiceRetries.Apply(new CallAwsService(this, "ReportTrainingFailed", new CallAwsServiceProps
        {
            Service = "sfn",
            Action = "sendTaskFailure",
            IamAction = "states:SendTaskFailure",
            IamResources = [training.StateMachineArn],
            Parameters = new Dictionary<string, object>
            {
                ["TaskToken"] = JsonPath.StringAt("$.token.Item.taskToken.S"),
                // TrainingJobFailed or TrainingJobStopped, the errors the training workflow catches.
                ["Error"] = JsonPath.Format("TrainingJob{}", JsonPath.StringAt("$.detail.TrainingJobStatus")),
                ["Cause"] = JsonPath.Format("Training job {} ended {}: {}", JsonPath.StringAt(jobName),
                    JsonPath.StringAt("$.detail.TrainingJobStatus"), JsonPath.StringAt("$.reason.text")),
            },
            ResultPath = JsonPath.DISCARD,
        }), ServiceRetries.StepFunctionsSdk);
        reportFailed.AddCatch(closed, new CatchProps { Errors = closedErrors, ResultPath = "$.closed" });

        // FailureReason is absent on a stopped job; default it so the Cause can always be formatted.
        var failureReason = new Choice(this, "HasFailureReason?")
            .When(Condition.IsPresent("$.detail.FailureReason"), new Pass(this, "TakeFailureReason", new PassProps
            {
                Parameters = new Dictionary<string, object> { ["text"] = JsonPath.StringAt("$.detail.FailureReason") },
                ResultPath = "$.reason",
            }).Next(reportFailed))
            .Otherwise(new Pass(this, "NoFailureReason", new PassProps
            {
                Result = Result.FromObject(new Dictionary<string, object> { ["text"] = "no failure reason given" }),
                ResultPath = "$.reason",
            }).Next(reportFailed));

        var outcome = new Choice(this, "JobOutcome?")
            .When(Condition.StringEquals("$.detail.TrainingJobStatus", "Completed"), reportSucceeded)
            .Otherwise(failureReason);

        var claim = ServiceRetries.Apply(new DynamoUpdateItem(this, "ClaimTaskToken", new DynamoUpdateItemProps
        {
            Table = table,
            Key = PipelineKeys.Token(jobName),
            UpdateExpression = "SET #consumedAt = :now, #jobStatus = :status",
            ConditionExpression = "attribute_not_exists(#consumedAt)",
            ExpressionAttributeNames = AttributeNames.In("SET #consumedAt = :now, #jobStatus = :status"),
            ExpressionAttributeValues = new Dictionary<string, DynamoAttributeValue>
            {
                [":now"] = DynamoAttributeValue.FromString(PipelineKeys.Now),
                [":status"] = DynamoAttributeValue.FromString(JsonPath.StringAt("$.detail.TrainingJobStatus")),
            },
            ResultPath = JsonPath.DISCARD,
        }), ServiceRetries.DynamoDb);
        claim.AddCatch(duplicate, new CatchProps { Errors = ["DynamoDB.ConditionalCheckFailedException"], ResultPath = JsonPath.DISCARD });
        claim.Next(outcome);

        var orphan = ServiceRetries.Apply(new DynamoPutItem(this, "RecordOrphanEvent", new DynamoPutItemProps
        {
            Table = table,
            Item = new Dictionary<string, DynamoAttributeValue>(PipelineKeys.Orphan(pipeline, jobName))
            {
                ["trainingJobName"] = DynamoAttributeValue.FromString(JsonPath.StringAt(jobName)),
                ["jobStatus"] = DynamoAttributeValue.FromString(JsonPath.StringAt("$.detail.TrainingJobStatus")),
                ["eventId"] = DynamoAttributeValue.FromString(JsonPath.StringAt("$.id")),
                ["recordedAt"] = DynamoAttributeValue.FromString(PipelineKeys.Now),
            },
            ResultPath = JsonPath.DISCARD,
        }), ServiceRetries.DynamoDb);
        orphan.Next(new Succeed(this, "OrphanEventRecorded"));

        var lookUp = ServiceRetries.Apply(new DynamoGetItem(this, "LookUpTaskToken", new DynamoGetItemProps
        {
            Table = table,
            Key = PipelineKeys.Token(jobName),
            ConsistentRead = true,
            ResultPath = "$.token",
        }), ServiceRetries.DynamoDb);

        var countWait = new Pass(this, "CountTokenWait", new PassProps
        {
            Parameters = new Dictionary<string, object> { ["count"] = JsonPath.MathAdd(JsonPath.NumberAt("$.tokenWaits.count"), 1) },
            ResultPath = "$.tokenWaits",
        });
        countWait.Next(lookUp);
        var wait = new Wait(this, "WaitForTokenToBeStored", new WaitProps { Time = WaitTime.Duration(TokenWaitInterval) });
        wait.Next(countWait);

        var stored = new Choice(this, "TokenStored?")
            .When(Condition.And(Condition.Not(Condition.IsPresent("$.token.Item")),
                Condition.NumberLessThan("$.tokenWaits.count", MaxTokenWaits)), wait)
            .When(Condition.Not(Condition.IsPresent("$.token.Item")), orphan)
            .When(Condition.IsPresent("$.token.Item.consumedAt"), duplicate)
            .Otherwise(claim);
        lookUp.Next(stored);

        var start = new Pass(this, "StartTokenLookup", new PassProps
        {
            Result = Result.FromObject(new Dictionary<string, object> { ["count"] = 0 }),
            ResultPath = "$.tokenWaits",
        });
        start.Next(lookUp);

        StateMachine = ExpressWorkflowDefaults.CreateStateMachine(this, StateMachineName(pipeline), start, props.LogGroup, props.Key);
    }
}
