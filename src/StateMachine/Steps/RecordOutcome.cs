using Amazon.CDK.AWS.DynamoDB;
using Amazon.CDK.AWS.StepFunctions;
using Amazon.CDK.AWS.StepFunctions.Tasks;
using Constructs;

namespace TrainingOrchestration.StateMachine.Steps;

/// <summary>
/// WORKFLOW.md step 13: <c>NotifyOutcome</c> tells the notifications topic when the spec asks for it (a failure to do so
/// is a tolerated <see cref="SideEffect"/>), then <c>RecordRunSucceeded</c> writes the decision, its reason, the
/// metrics, the champion comparison, the model package, the artifact, the side effects that failed and the redrive count
/// on the run item;
/// <c>ReleasePipelineLock</c> frees the pipeline and the run ends at <c>Done</c>.
/// </summary>
internal sealed class RecordOutcome
{
    private const string RecordSucceededExpression = "SET #status = :succeeded, #decision = :decision, #reason = :reason, "
        + "#metrics = :metrics, #metricsSource = :metricsSource, #thresholds = :thresholds, #champion = :champion, #trainingJobName = :job, "
        + "#artifact = :artifact, #modelPackageArn = :modelPackage, #sideEffects = :sideEffects, #finishedAt = :now, #redriveCount = :redriveCount";

    /// <summary>Starts at <c>NotifyOutcome</c> (or <c>RecordRunSucceeded</c>) and ends at <c>Done</c>.</summary>
    public Chain States { get; }

    public RecordOutcome(Construct scope, TrainingWorkflowProps props)
    {
        var pipeline = props.Spec.Name;

        var record = ServiceRetries.Apply(new DynamoUpdateItem(scope, "RecordRunSucceeded", new DynamoUpdateItemProps
        {
            Table = props.Table,
            Key = PipelineKeys.Run(pipeline),
            UpdateExpression = RecordSucceededExpression,
            ExpressionAttributeNames = AttributeNames.In(RecordSucceededExpression),
            ExpressionAttributeValues = new Dictionary<string, DynamoAttributeValue>
            {
                [":succeeded"] = DynamoAttributeValue.FromString("SUCCEEDED"),
                [":decision"] = DynamoAttributeValue.FromString(JsonPath.StringAt("$.outcome.decision")),
                [":reason"] = DynamoAttributeValue.FromString(JsonPath.StringAt("$.evaluation.reason")),
                [":metrics"] = DynamoAttributeValue.FromString(JsonPath.JsonToString(JsonPath.StringAt("$.evaluation.metrics"))),
                [":metricsSource"] = DynamoAttributeValue.FromString(JsonPath.StringAt("$.evaluation.metricsSource")),
                [":thresholds"] = DynamoAttributeValue.FromString(JsonPath.JsonToString(JsonPath.StringAt("$.evaluation.thresholds"))),
                // The champion on the same test split: its metrics, the improvement, its interval and the decision ("null" without one).
                [":champion"] = DynamoAttributeValue.FromString(JsonPath.JsonToString(JsonPath.StringAt("$.evaluation.champion"))),
                [":job"] = DynamoAttributeValue.FromString(JsonPath.StringAt(TrainModel.JobNamePath)),
                [":artifact"] = DynamoAttributeValue.FromString(JsonPath.StringAt("$.outcome.artifact")),
                [":modelPackage"] = DynamoAttributeValue.FromString(JsonPath.StringAt(RegisterModelPackage.ResultPath + ".ModelPackageArn")),
                // {} or {<state>: {Error, Cause}} for each step after the decision that failed (issue 14 item 5).
                [":sideEffects"] = DynamoAttributeValue.FromString(JsonPath.JsonToString(JsonPath.StringAt("$.outcome.sideEffects"))),
                [":now"] = DynamoAttributeValue.FromString(PipelineKeys.Now),
                // A redriven run that now succeeds moves from FAILED to its outcome; failedState, error and cause
                // stay as the record of what the redrive recovered from.
                [":redriveCount"] = DynamoAttributeValue.NumberFromString(JsonPath.JsonToString(JsonPath.NumberAt("$$.Execution.RedriveCount"))),
            },
            ResultPath = JsonPath.DISCARD,
        }), ServiceRetries.DynamoDb);

        var done = new Succeed(scope, "Done");
        var release = ReleaseLock.Create(scope, "ReleasePipelineLock", pipeline, props.Table);
        // A lock taken over meanwhile is no longer ours to release; the run itself is done. Any other failure fails the
        // execution here, and the run-status workflow names it as sideEffectFailed on the recorded run.
        release.AddCatch(done, new CatchProps { Errors = ["DynamoDB.ConditionalCheckFailedException"], ResultPath = JsonPath.DISCARD });
        record.Next(release).Next(done);

        if (props.Spec.Notifications.NotifyOnSuccess)
        {
            var notify = ServiceRetries.Apply(new SnsPublish(scope, "NotifyOutcome", new SnsPublishProps
            {
                Topic = props.Notifications,
                Subject = $"TrainingOrchestration {pipeline}: training run finished",
                Message = TaskInput.FromObject(new Dictionary<string, object>
                {
                    ["pipeline"] = pipeline,
                    ["runId"] = JsonPath.StringAt("$.runId"),
                    ["decision"] = JsonPath.StringAt("$.outcome.decision"),
                    ["reason"] = JsonPath.StringAt("$.evaluation.reason"),
                    ["metrics"] = JsonPath.StringAt("$.evaluation.metrics"),
                    ["artifact"] = JsonPath.StringAt("$.outcome.artifact"),
                    ["modelPackageArn"] = JsonPath.StringAt(RegisterModelPackage.ResultPath + ".ModelPackageArn"),
                }),
                ResultPath = JsonPath.DISCARD,
            }), ServiceRetries.Sns);
            SideEffect.Tolerated(notify, record);
            notify.Next(record);
            States = Chain.Custom(notify, [], done);
        }
        else
        {
            States = Chain.Custom(record, [], done);
        }
    }
}
