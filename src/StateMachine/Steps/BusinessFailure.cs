using Amazon.CDK.AWS.DynamoDB;
using Amazon.CDK.AWS.SNS;
using Amazon.CDK.AWS.StepFunctions;
using Amazon.CDK.AWS.StepFunctions.Tasks;
using Constructs;

namespace TrainingOrchestration.StateMachine.Steps;

/// <summary>
/// The path of a run that ends without a model for a business reason (WORKFLOW.md step 14): the features failed the
/// contract (<c>ValidationFailed</c>), the training job failed or was stopped (<c>TrainingJobFailed</c>,
/// <c>TrainingJobStopped</c>), or the champion changed under the evaluation (<c>ChampionChanged</c>). It records the
/// run as failed with the state, error and cause, notifies (and pages for a critical pipeline), publishes
/// <c>Training Run Failed</c>, releases the lock and ends the execution successfully at <c>RunEndedWithoutModel</c>:
/// a redrive could not change any of these outcomes, a rerun after fixing the cause can.
/// Service errors are not caught here: once its retries are spent, a Task fails the execution at that Task so that
/// a console redrive resumes there; the run-status workflow (<see cref="RunStatusWorkflow"/>) records those
/// failures from the execution's status-change event. Every notification step catches everything and moves on, so
/// one broken notification cannot keep the lock held or hide the original error.
/// </summary>
public sealed class BusinessFailure
{
    public const string FailurePath = "$.failure";

    /// <summary>Where the Pass states of <see cref="FailedAt"/> put the failed state's name for RecordRunFailed.</summary>
    public const string FailedStatePath = "$.failedState";

    /// <summary>JSONata catcher Output with the same effect as ResultPath <c>$.failure</c>.</summary>
    public const string JsonataFailureOutput = "{% $merge([$states.input, {'failure': $states.errorOutput}]) %}";

    private readonly Construct _scope;
    private readonly Dictionary<string, Pass> _failedAt = new(StringComparer.Ordinal);

    private const string RecordFailedExpression = "SET #status = :failed, #decision = :failed, #error = :error, #cause = :cause, "
        + "#finishedAt = :now, #executionArn = :execution, #failedState = :failedState";

    /// <summary>
    /// The first state of the path (RecordRunFailed). It reads <see cref="FailedStatePath"/>, so it is entered only
    /// through a <see cref="FailedAt"/> Pass; each business outcome reaches it through its own one.
    /// </summary>
    public IChainable Entry { get; }

    public BusinessFailure(Construct scope, string pipeline, ITable table, ITopic notifications, ITopic? paging)
    {
        _scope = scope;
        var runFailed = new Succeed(scope, "RunEndedWithoutModel", new SucceedProps
        {
            Comment = "The run is recorded as FAILED with its reason; the execution itself did what it should.",
        });

        var releaseLock = ReleaseLock.Create(scope, "ReleaseLockAfterFailure", pipeline, table);
        FailureNotices.ContinueOnError(releaseLock, runFailed);
        releaseLock.Next(runFailed);

        var publish = ServiceRetries.Apply(new EventBridgePutEvents(scope, "PublishRunFailed", new EventBridgePutEventsProps
        {
            Entries = [DomainEvents.Entry(pipeline, DomainEvents.RunFailed, "FAILED", JsonPath.StringAt("$.failure.Error"), new Dictionary<string, object>())],
            ResultPath = JsonPath.DISCARD,
        }), ServiceRetries.EventBridge);
        FailureNotices.ContinueOnError(publish, releaseLock);
        publish.Next(releaseLock);

        var notify = FailureNotices.Before(publish, scope, pipeline, notifications, paging, TaskInput.FromObject(new Dictionary<string, object>
        {
            ["pipeline"] = pipeline,
            ["runId"] = JsonPath.StringAt("$.runId"),
            ["error"] = JsonPath.StringAt("$.failure.Error"),
            ["cause"] = JsonPath.StringAt("$.failure.Cause"),
            ["execution"] = PipelineKeys.ExecutionArn,
        }));

        var record = ServiceRetries.Apply(new DynamoUpdateItem(scope, "RecordRunFailed", new DynamoUpdateItemProps
        {
            Table = table,
            Key = PipelineKeys.Run(pipeline),
            UpdateExpression = RecordFailedExpression,
            ExpressionAttributeNames = AttributeNames.In(RecordFailedExpression),
            ExpressionAttributeValues = new Dictionary<string, DynamoAttributeValue>
            {
                [":failed"] = DynamoAttributeValue.FromString("FAILED"),
                [":error"] = DynamoAttributeValue.FromString(JsonPath.StringAt("$.failure.Error")),
                [":cause"] = DynamoAttributeValue.FromString(JsonPath.StringAt("$.failure.Cause")),
                [":now"] = DynamoAttributeValue.FromString(PipelineKeys.Now),
                [":execution"] = DynamoAttributeValue.FromString(PipelineKeys.ExecutionArn),
                [":failedState"] = DynamoAttributeValue.FromString(JsonPath.StringAt(FailedStatePath)),
            },
            ResultPath = JsonPath.DISCARD,
        }), ServiceRetries.DynamoDb);
        FailureNotices.ContinueOnError(record, notify);
        record.Next(notify);
        Entry = record;
    }

    /// <summary>
    /// The way into the failure path for a failure of <paramref name="stateName"/>: a Pass <c>&lt;state&gt;Failed</c>
    /// that puts the state's name at <c>$.failedState</c> (a catch-all alone cannot tell which state failed) and goes
    /// on to RecordRunFailed, which records it as the run's <c>failedState</c>. One Pass per state, made on first use.
    /// </summary>
    public IChainable FailedAt(string stateName)
    {
        if (!_failedAt.TryGetValue(stateName, out var pass))
        {
            pass = new Pass(_scope, stateName + "Failed", new PassProps
            {
                Result = Result.FromString(stateName),
                ResultPath = FailedStatePath,
            });
            pass.Next(Entry);
            _failedAt[stateName] = pass;
        }
        return pass;
    }

    /// <summary>
    /// Sends the business errors <paramref name="errors"/> of a JSONata state to this path, its catcher Output putting
    /// the error at <c>$.failure</c> as ResultPath does for JSONPath states. Nothing else is caught.
    /// </summary>
    public void Catch(JsonataTaskState state, params string[] errors)
    {
        ArgumentOutOfRangeException.ThrowIfZero(errors.Length, nameof(errors));
        state.Catch(FailedAt(state.StateId), errors, JsonataFailureOutput);
    }

}
