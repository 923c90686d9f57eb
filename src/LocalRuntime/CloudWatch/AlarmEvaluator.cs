using System.Globalization;

namespace TrainingOrchestration.LocalRuntime.CloudWatch;

/// <summary>
/// One evaluation of a metric alarm at a period boundary, following CloudWatch's documented semantics
/// (https://docs.aws.amazon.com/AmazonCloudWatch/latest/monitoring/AlarmThatSendsEmail.html#alarm-evaluation and
/// https://docs.aws.amazon.com/AmazonCloudWatch/latest/monitoring/alarms-and-missing-data.html): the evaluation range is
/// the last <c>EvaluationPeriods</c> periods; each period's statistic is compared with the threshold; a missing period
/// counts as breaching (<c>breaching</c>), as not breaching (<c>notBreaching</c>), or is left out (<c>ignore</c>, <c>missing</c>);
/// the alarm is ALARM when at least <c>DatapointsToAlarm</c> periods breach, OK when the rest make that impossible, and
/// otherwise keeps its state — except that with <c>missing</c> a range with no data at all is INSUFFICIENT_DATA and with
/// <c>ignore</c> it keeps its state.
/// </summary>
public static class AlarmEvaluator
{
    public const string Ok = "OK";
    public const string Alarm = "ALARM";
    public const string InsufficientData = "INSUFFICIENT_DATA";

    /// <summary>The state after evaluating at <paramref name="at"/> (a period boundary), with the reason CloudWatch would give.</summary>
    public static (string State, string Reason) Evaluate(AlarmDefinition alarm, LocalMetricStore store, DateTimeOffset at, string current)
    {
        var period = TimeSpan.FromSeconds(alarm.PeriodSeconds);
        var start = at - alarm.EvaluationPeriods * period;
        var data = store.Query(alarm.Namespace, alarm.MetricName, alarm.Dimensions, start, at);
        var points = new List<(DateTimeOffset Start, double? Value)>();
        for (var i = 0; i < alarm.EvaluationPeriods; i++)
        {
            var from = start + i * period;
            var values = data.Where(d => d.Timestamp >= from && d.Timestamp < from + period).Select(d => d.Value).ToList();
            points.Add((from, values.Count == 0 ? null : MetricStatistics.Compute(alarm.Statistic, values)));
        }
        var present = points.Where(p => p.Value is not null).ToList();
        var missing = points.Count - present.Count;
        var breaching = present.Count(p => Breaches(alarm, p.Value!.Value));
        var notBreaching = present.Count - breaching;
        switch (alarm.TreatMissingData)
        {
            case "breaching": breaching += missing; missing = 0; break;
            case "notBreaching": notBreaching += missing; missing = 0; break;
        }
        if (present.Count == 0 && alarm.TreatMissingData is "missing")
        {
            return (InsufficientData, $"Insufficient Data: {alarm.EvaluationPeriods} datapoints were unknown.");
        }
        if (present.Count == 0 && alarm.TreatMissingData is "ignore") return (current, "");
        var shown = string.Join(", ", present.OrderByDescending(p => p.Start).Select(p => $"{p.Value!.Value.ToString("0.0##", CultureInfo.InvariantCulture)} ({p.Start:dd/MM/yy HH:mm:ss})"));
        if (breaching >= alarm.DatapointsToAlarm)
        {
            return (Alarm, $"Threshold Crossed: {breaching} out of the last {alarm.EvaluationPeriods} datapoints [{shown}] {Verb(alarm)} the threshold "
                + $"({alarm.Threshold.ToString("0.0##", CultureInfo.InvariantCulture)}) (minimum {alarm.DatapointsToAlarm} datapoint{(alarm.DatapointsToAlarm == 1 ? "" : "s")} for OK -> ALARM transition).");
        }
        if (notBreaching > alarm.EvaluationPeriods - alarm.DatapointsToAlarm)
        {
            return (Ok, $"Threshold Crossed: {notBreaching} out of the last {alarm.EvaluationPeriods} datapoints [{shown}] {(present.Count == 0 ? "(missing, treated as not breaching)" : "were not " + Verb(alarm)[4..])} the threshold "
                + $"({alarm.Threshold.ToString("0.0##", CultureInfo.InvariantCulture)}) (minimum {alarm.EvaluationPeriods - alarm.DatapointsToAlarm + 1} datapoint{(alarm.EvaluationPeriods - alarm.DatapointsToAlarm == 0 ? "" : "s")} for ALARM -> OK transition).");
        }
        return (current, "");
    }

    public static bool Breaches(AlarmDefinition alarm, double value) => alarm.ComparisonOperator switch
    {
        "GreaterThanOrEqualToThreshold" => value >= alarm.Threshold,
        "GreaterThanThreshold" => value > alarm.Threshold,
        "LessThanThreshold" => value < alarm.Threshold,
        "LessThanOrEqualToThreshold" => value <= alarm.Threshold,
        _ => throw new NotSupportedException($"alarm {alarm.Name}: comparison {alarm.ComparisonOperator} (anomaly-detection bands are not evaluated locally)"),
    };

    private static string Verb(AlarmDefinition alarm) => alarm.ComparisonOperator switch
    {
        "GreaterThanOrEqualToThreshold" => "was greater than or equal to",
        "GreaterThanThreshold" => "was greater than",
        "LessThanThreshold" => "was less than",
        _ => "was less than or equal to",
    };
}
