using Amazon.CDK;
using Amazon.CDK.AWS.CloudWatch;
using Amazon.CDK.AWS.CloudWatch.Actions;
using Amazon.CDK.AWS.SNS;
using Amazon.CDK.AWS.StepFunctions;
using Constructs;
using TrainingOrchestration.Pipelines.Spec;
using TrainingOrchestration.Pipelines.Conventions;

namespace TrainingOrchestration.Infra.Operations;

/// <summary>
/// Alarms to the notifications topic (and, for a critical pipeline, the paging topic): a training execution failed or
/// timed out, contract validation failed, or no run has succeeded within the cadence policy's maximum staleness.
/// </summary>
public sealed class PipelineAlarms : Construct
{
    /// <summary>CloudWatch evaluates at most seven days of one-day periods.</summary>
    public static readonly TimeSpan LongestStalenessWindow = TimeSpan.FromDays(7);

    public IReadOnlyList<Alarm> Alarms { get; }

    public PipelineAlarms(Construct scope, string id, PipelineSpec spec, IStateMachine training, ITopic notifications, ITopic? paging)
        : base(scope, id)
    {
        var p = spec.Name;
        var fiveMinutes = Duration.Minutes(5);
        var failed = Create("TrainingFailed", $"A {p} training execution failed.",
            training.MetricFailed(new MetricOptions { Period = fiveMinutes, Statistic = "Sum" }), 1, 1);
        var timedOut = Create("TrainingTimedOut", $"A {p} training execution timed out.",
            training.MetricTimedOut(new MetricOptions { Period = fiveMinutes, Statistic = "Sum" }), 1, 1);
        // The validation Lambda emits RulesFailed per Severity (ValidationFailures only per Rule, which an alarm cannot sum):
        // any failed error-severity rule fails the run's contract.
        var validation = Create("ValidationFailed", $"Features of {p} failed the data contract (an error-severity rule failed).",
            PipelineMetrics.Of(p, MetricNames.RulesFailed, "Sum", fiveMinutes, new Dictionary<string, string> { [MetricNames.SeverityDimension] = MetricNames.ErrorSeverity }), 1, 1);

        var window = spec.Cadence.MaxStaleness < LongestStalenessWindow ? spec.Cadence.MaxStaleness : LongestStalenessWindow;
        var period = window < TimeSpan.FromDays(1) ? window : TimeSpan.FromDays(1);
        period = TimeSpan.FromMinutes(Math.Max(5, Math.Ceiling(period.TotalMinutes)));
        var periods = (int)Math.Max(1, Math.Ceiling(window / period));
        var stale = new Alarm(this, "NoSuccessfulRun", new AlarmProps
        {
            AlarmName = $"{p}-no-successful-run",
            AlarmDescription = $"No {p} training run succeeded within the maximum staleness ({spec.Cadence.MaxStaleness}).",
            Metric = training.MetricSucceeded(new MetricOptions { Period = Duration.Minutes(period.TotalMinutes), Statistic = "Sum" }),
            Threshold = 1,
            ComparisonOperator = ComparisonOperator.LESS_THAN_THRESHOLD,
            EvaluationPeriods = periods,
            DatapointsToAlarm = periods,
            TreatMissingData = TreatMissingData.BREACHING,
        });

        Alarms = [failed, timedOut, validation, stale];
        foreach (var alarm in Alarms)
        {
            alarm.AddAlarmAction(new SnsAction(notifications));
        }

        if (paging is not null)
        {
            failed.AddAlarmAction(new SnsAction(paging));
            timedOut.AddAlarmAction(new SnsAction(paging));
            stale.AddAlarmAction(new SnsAction(paging));
        }

        Alarm Create(string name, string description, IMetric metric, double threshold, int periodsToAlarm) => new(this, name, new AlarmProps
        {
            AlarmName = $"{p}-{name}",
            AlarmDescription = description,
            Metric = metric,
            Threshold = threshold,
            ComparisonOperator = ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
            EvaluationPeriods = periodsToAlarm,
            TreatMissingData = TreatMissingData.NOT_BREACHING,
        });
    }
}
