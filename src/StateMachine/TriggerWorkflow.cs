using Amazon.CDK;
using Amazon.CDK.AWS.DynamoDB;
using Amazon.CDK.AWS.StepFunctions;
using Amazon.CDK.AWS.StepFunctions.Tasks;
using Constructs;
using TrainingOrchestration.Pipelines.Conventions;
using TrainingOrchestration.StateMachine.Steps;

namespace TrainingOrchestration.StateMachine;

/// <summary>
/// The trigger workflow (Express, WORKFLOW.md "Trigger workflow"): counts CDC changes, lets the cadence Lambda decide
/// whether a run is due, starts the training workflow under a deterministic execution name (so two triggers that saw
/// the same counter start one run, and the second is refused), and records every decision with its reason.
/// </summary>
public sealed class TriggerWorkflow : Construct
{
    public const string ScheduledDetailType = DetailTypes.ScheduledEvent;

    private const string CountExpression = "ADD #pendingChanges :n SET #firstPendingAt = if_not_exists(#firstPendingAt, :now), "
        + "#generation = if_not_exists(#generation, :zero), #lastEventAt = :now";


    public Amazon.CDK.AWS.StepFunctions.StateMachine StateMachine { get; }

    public static string StateMachineName(string pipeline) => ResourceNames.TriggerStateMachine(pipeline);

    public TriggerWorkflow(Construct scope, string id, TriggerWorkflowProps props) : base(scope, id)
    {
        var pipeline = props.Pipeline;
        var table = props.Table;
        var recordDecision = ServiceRetries.Apply(new DynamoPutItem(this, "RecordTriggerDecision", new DynamoPutItemProps
        {
            Table = table,
            Item = new Dictionary<string, DynamoAttributeValue>(PipelineKeys.Item(PipelineKeys.PipelinePk(pipeline),
                // The trigger execution's name is part of the key: a redelivered event (same id, same time) runs a second
                // trigger whose DUPLICATE or SKIP decision must not overwrite the START of the first.
                JsonPath.Format(TableKeys.DecisionPrefix + "{}#{}#{}", PipelineKeys.Now, JsonPath.StringAt("$.id"), JsonPath.StringAt("$$.Execution.Name"))))
            {
                ["decision"] = DynamoAttributeValue.FromString(JsonPath.StringAt("$.outcome.decision")),
                ["reason"] = DynamoAttributeValue.FromString(JsonPath.StringAt("$.cadence.reason")),
                ["executionName"] = DynamoAttributeValue.FromString(JsonPath.StringAt("$.cadence.executionName")),
                ["runId"] = DynamoAttributeValue.FromString(JsonPath.StringAt("$.cadence.runId")),
                ["eventId"] = DynamoAttributeValue.FromString(JsonPath.StringAt("$.id")),
                ["pendingChanges"] = DynamoAttributeValue.NumberFromString(JsonPath.StringAt("$.counter.Attributes.pendingChanges.N")),
            },
            ResultPath = JsonPath.DISCARD,
        }), ServiceRetries.DynamoDb);
        recordDecision.Next(new Succeed(this, "DecisionRecorded"));

        var duplicate = new Pass(this, "RecordDuplicateTrigger", new PassProps
        {
            Result = Result.FromObject(new Dictionary<string, object> { ["decision"] = "DUPLICATE" }),
            ResultPath = "$.outcome",
        });
        duplicate.Next(recordDecision);

        // The cadence policy said START; the recorded reason must say why this trigger did not start anything.
        var explainDuplicate = new Pass(this, "ExplainDuplicateTrigger", new PassProps
        {
            Result = Result.FromString("an execution with this name already exists: the change was already handled by another trigger"),
            ResultPath = "$.cadence.reason",
        });
        explainDuplicate.Next(duplicate);

        var start = ServiceRetries.Apply(new StepFunctionsStartExecution(this, "StartTrainingRun", new StepFunctionsStartExecutionProps
        {
            StateMachine = props.Training,
            IntegrationPattern = IntegrationPattern.REQUEST_RESPONSE,
            Name = JsonPath.StringAt("$.cadence.executionName"),
            Input = TaskInput.FromObject(new Dictionary<string, object>
            {
                ["pipeline"] = pipeline,
                ["runId"] = JsonPath.StringAt("$.cadence.runId"),
                ["trigger"] = new Dictionary<string, object>
                {
                    ["reason"] = JsonPath.StringAt("$.cadence.reason"),
                    // The counter comes back in DynamoDB JSON ({"N": "12"}); the run's input carries a number.
                    ["pendingChanges.$"] = "States.StringToJson($.counter.Attributes.pendingChanges.N)",
                    ["eventId"] = JsonPath.StringAt("$.id"),
                    // The run resets the count once it holds the lock, conditional on this generation (Steps/ChangeCounter).
                    ["generation.$"] = "States.StringToJson($.counter.Attributes.generation.N)",
                },
            }),
            ResultSelector = new Dictionary<string, object>
            {
                ["decision"] = "START",
                ["executionArn"] = JsonPath.StringAt("$.ExecutionArn"),
            },
            ResultPath = "$.outcome",
        }), ServiceRetries.StepFunctions);
        start.AddCatch(explainDuplicate, new CatchProps { Errors = ["StepFunctions.ExecutionAlreadyExistsException"], ResultPath = "$.duplicate" });
        start.Next(recordDecision);

        var skip = new Pass(this, "SkipRun", new PassProps
        {
            Result = Result.FromObject(new Dictionary<string, object> { ["decision"] = "SKIP" }),
            ResultPath = "$.outcome",
        });
        skip.Next(recordDecision);

        var shouldStart = new Choice(this, "ShouldStartRun?")
            .When(Condition.StringEquals("$.cadence.decision", "START"), start)
            .Otherwise(skip);

        var decide = InvokeTaskFunction.Create(this, "DecideCadence", props.DecideCadenceFunction, new Dictionary<string, object>
        {
            ["event"] = JsonPath.StringAt("$.event"),
            ["counter"] = JsonPath.StringAt("$.counter.Attributes"),
            ["now"] = PipelineKeys.Now,
        }, "$.cadence");
        decide.Next(shouldStart);

        var count = ServiceRetries.Apply(new DynamoUpdateItem(this, "CountChanges", new DynamoUpdateItemProps
        {
            Table = table,
            Key = PipelineKeys.TriggerCounter(pipeline),
            UpdateExpression = CountExpression,
            ExpressionAttributeNames = AttributeNames.In(CountExpression),
            ExpressionAttributeValues = new Dictionary<string, DynamoAttributeValue>
            {
                [":n"] = DynamoAttributeValue.NumberFromString(JsonPath.StringAt("$.changes.count")),
                [":now"] = DynamoAttributeValue.FromString(PipelineKeys.Now),
                [":zero"] = DynamoAttributeValue.FromNumber(0),
            },
            ReturnValues = DynamoReturnValues.ALL_NEW,
            ResultSelector = new Dictionary<string, object> { ["Attributes"] = JsonPath.StringAt("$.Attributes") },
            ResultPath = "$.counter",
        }), ServiceRetries.DynamoDb);
        count.Next(decide);

        // The input is the EventBridge event; it is kept whole at $.event for the cadence Lambda.
        var scheduled = new Pass(this, "ScheduledCheck", new PassProps
        {
            Parameters = new Dictionary<string, object>
            {
                ["event"] = JsonPath.StringAt("$"),
                ["id"] = JsonPath.StringAt("$.id"),
                ["changes"] = new Dictionary<string, object> { ["count"] = "0" },
            },
        });
        scheduled.Next(count);
        var changed = new Pass(this, "TableChanged", new PassProps
        {
            Parameters = new Dictionary<string, object>
            {
                ["event"] = JsonPath.StringAt("$"),
                ["id"] = JsonPath.StringAt("$.id"),
                ["changes"] = new Dictionary<string, object> { ["count"] = "1" },
            },
        });
        changed.Next(count);
        // A batch of change records landed by the ingress (WORKFLOW.md "Change data"): one event counts the whole batch,
        // so the trigger runs once per batch, never once per change.
        var batch = new Pass(this, "ChangeBatchLanded", new PassProps
        {
            Parameters = new Dictionary<string, object>
            {
                ["event"] = JsonPath.StringAt("$"),
                ["id"] = JsonPath.StringAt("$.id"),
                ["changes"] = new Dictionary<string, object> { ["count.$"] = "States.Format('{}', $.detail.changeCount)" },
            },
        });
        batch.Next(count);
        var classify = new Choice(this, "IsScheduledCheck?")
            .When(Condition.StringEquals("$.detail-type", ScheduledDetailType), scheduled)
            .When(Condition.IsPresent("$.detail.changeCount"), batch)
            .Otherwise(changed);

        StateMachine = ExpressWorkflowDefaults.CreateStateMachine(this, StateMachineName(pipeline), classify, props.LogGroup, props.Key);
    }
}
