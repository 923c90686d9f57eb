using Amazon.CDK;
using Amazon.CDK.AWS.CloudWatch;
using Amazon.CDK.AWS.CloudWatch.Actions;
using Amazon.CDK.AWS.SNS;
using Amazon.CDK.AWS.SQS;
using Constructs;
using TrainingOrchestration.Pipelines.Spec;

namespace TrainingOrchestration.Infra.Events;

/// <summary>
/// The dead-letter queue of every EventBridge rule target of the pipeline, with an alarm: an event EventBridge could not
/// deliver after its retries (a CDC change, a schedule tick, a training job's end) is kept for 14 days instead of being
/// dropped, and its arrival notifies (and pages for a critical pipeline: a lost callback leaves a run waiting).
/// EventBridge sends to the queue under the queue policy CDK writes for each rule (docs: eventbridge/latest/userguide/eb-rule-dlq.html).
/// </summary>
public sealed class RuleDeadLetters : Construct
{
    public Queue Queue { get; }

    public Alarm Alarm { get; }

    public RuleDeadLetters(Construct scope, string id, PipelineSpec spec, ITopic notifications, ITopic? paging) : base(scope, id)
    {
        Queue = new Queue(this, "Queue", new QueueProps
        {
            Encryption = QueueEncryption.SQS_MANAGED,
            EnforceSSL = true,
            RetentionPeriod = Duration.Days(14),
        });

        Alarm = new Alarm(this, "Alarm", new AlarmProps
        {
            AlarmName = $"{spec.Name}-rule-dead-letters",
            AlarmDescription = $"EventBridge could not deliver an event to a {spec.Name} workflow; it waits in the rules' dead-letter queue.",
            Metric = Queue.MetricApproximateNumberOfMessagesVisible(new MetricOptions { Period = Duration.Minutes(5), Statistic = "Maximum" }),
            Threshold = 1,
            ComparisonOperator = ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
            EvaluationPeriods = 1,
            TreatMissingData = TreatMissingData.NOT_BREACHING,
        });
        Alarm.AddAlarmAction(new SnsAction(notifications));
        if (paging is not null) Alarm.AddAlarmAction(new SnsAction(paging));
    }
}
