using Amazon.CDK;
using Amazon.CDK.AWS.Events;
using Amazon.CDK.AWS.Events.Targets;
using Amazon.CDK.AWS.S3;
using Amazon.CDK.AWS.SQS;
using Amazon.CDK.AWS.StepFunctions;
using Constructs;
using TrainingOrchestration.Pipelines.Spec;
using TrainingOrchestration.StateMachine;
using TrainingOrchestration.Pipelines.Conventions;

namespace TrainingOrchestration.Infra.Events;

/// <summary>
/// The EventBridge rules that drive the workflows: the table's CDC events and the cadence schedule start the trigger
/// workflow; SageMaker's training job state changes for this pipeline's jobs start the callback workflow. Every target has
/// the pipeline's dead-letter queue (<see cref="RuleDeadLetters"/>).
/// </summary>
public sealed class PipelineRules : Construct
{
    public const string SageMakerStateChange = DetailTypes.SageMakerTrainingJobStateChange;

    public Rule Changes { get; }
    public Rule Schedule { get; }
    public Rule TrainingJobStateChange { get; }
    public Rule TrainingRunStatus { get; }

    public PipelineRules(Construct scope, string id, PipelineSpec spec, IBucket bucket, IStateMachine trigger, IStateMachine callback,
        IStateMachine training, IStateMachine runStatus, IQueue deadLetters)
        : base(scope, id)
    {
        var p = spec.Name;
        Changes = new Rule(this, "TableChanges", new RuleProps
        {
            Description = $"CDC events of table {spec.Source.Table} start the {p} trigger workflow.",
            EventPattern = ChangePattern(spec, bucket),
        });
        Changes.AddTarget(Target(trigger, deadLetters));

        Schedule = new Rule(this, "CadenceSchedule", new RuleProps
        {
            Description = $"Re-evaluates the {p} cadence policy even when no change arrives.",
            Schedule = Amazon.CDK.AWS.Events.Schedule.Expression(spec.Cadence.Schedule),
        });
        Schedule.AddTarget(Target(trigger, deadLetters));

        TrainingJobStateChange = new Rule(this, "TrainingJobStateChange", new RuleProps
        {
            Description = $"SageMaker training jobs of pipeline {p} ending start the callback workflow.",
            EventPattern = new EventPattern
            {
                Source = [DetailTypes.SageMakerSource],
                DetailType = [SageMakerStateChange],
                Detail = new Dictionary<string, object>
                {
                    ["TrainingJobStatus"] = new[] { "Completed", "Failed", "Stopped" },
                    ["TrainingJobName"] = new object[] { new Dictionary<string, object> { ["prefix"] = p + "-" } },
                },
            },
        });
        TrainingJobStateChange.AddTarget(Target(callback, deadLetters));

        // Step Functions sends a Standard execution's status changes to the default bus; the detail carries
        // DescribeExecution's fields (AWS: step-functions/latest/dg/cw-events.html, "Execution status change").
        TrainingRunStatus = new Rule(this, "TrainingRunStatus", new RuleProps
        {
            Description = $"Training executions of pipeline {p} that fail, time out, are aborted or are redriven start the run-status workflow.",
            EventPattern = new EventPattern
            {
                Source = [DetailTypes.StepFunctionsSource],
                DetailType = [DetailTypes.ExecutionStatusChange],
                Detail = new Dictionary<string, object>
                {
                    ["stateMachineArn"] = new[] { training.StateMachineArn },
                    ["status"] = RunStatusWorkflow.Statuses,
                },
            },
        });
        TrainingRunStatus.AddTarget(Target(runStatus, deadLetters));
    }

    /// <summary>
    /// CDC through EventBridge Pipes matches the configured source and detail-type and the table named in the detail
    /// (pipelines share the default source); DMS files match S3 "Object Created" under <c>raw/&lt;table&gt;/</c>.
    /// </summary>
    public static EventPattern ChangePattern(PipelineSpec spec, IBucket bucket) => spec.Source.Cdc.Kind switch
    {
        CdcKind.S3Files => new EventPattern
        {
            Source = [DetailTypes.S3Source],
            DetailType = [DetailTypes.S3ObjectCreated],
            Detail = new Dictionary<string, object>
            {
                ["bucket"] = new Dictionary<string, object> { ["name"] = new[] { bucket.BucketName } },
                ["object"] = new Dictionary<string, object>
                {
                    ["key"] = new object[] { new Dictionary<string, object> { ["prefix"] = BucketLayout.RawTable(spec.Source.Table) } },
                },
            },
        },
        _ => new EventPattern
        {
            Source = [spec.Source.Cdc.EventSource],
            DetailType = [spec.Source.Cdc.DetailType],
            Detail = new Dictionary<string, object> { ["table"] = new[] { spec.Source.Table } },
        },
    };

    /// <summary>Every target retries for two hours, then leaves the event in the dead-letter queue (<see cref="RuleDeadLetters"/>).</summary>
    private static SfnStateMachine Target(IStateMachine machine, IQueue deadLetters) => new(machine, new SfnStateMachineProps
    {
        RetryAttempts = 8,
        MaxEventAge = Duration.Hours(2),
        DeadLetterQueue = deadLetters,
    });
}
