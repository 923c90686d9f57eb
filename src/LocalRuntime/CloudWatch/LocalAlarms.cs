using System.Text.Json;
using System.Text.Json.Nodes;
using TrainingOrchestration.LocalRuntime.Sns;

namespace TrainingOrchestration.LocalRuntime.CloudWatch;

/// <summary>
/// The local CloudWatch alarms: each template alarm evaluated against the <see cref="LocalMetricStore"/> at every period
/// boundary from where the last evaluation stopped up to the end of the current period; each state change is recorded
/// in <c>&lt;workspace&gt;/cloudwatch/alarms.json</c> and its actions (the state's SNS topics) receive CloudWatch's alarm
/// notification through the local SNS. An alarm starts in INSUFFICIENT_DATA, as a new alarm does.
/// </summary>
public sealed class LocalAlarms(IReadOnlyList<AlarmDefinition> alarms, LocalMetricStore store, string? directory, SnsIntegration? sns,
    string region, string accountId)
{
    public const string FileName = "alarms.json";

    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };

    public IReadOnlyList<AlarmDefinition> Definitions => alarms;

    /// <summary>Evaluates every alarm up to <paramref name="now"/> and returns the transitions made.</summary>
    public IReadOnlyList<(AlarmDefinition Alarm, AlarmTransition Transition)> EvaluateUntil(DateTimeOffset now)
    {
        var record = Load(directory);
        var made = new List<(AlarmDefinition, AlarmTransition)>();
        var earliest = store.All.Select(d => d.Timestamp).DefaultIfEmpty(now).Min();
        foreach (var alarm in alarms)
        {
            var entry = record[alarm.Name] as JsonObject ?? new JsonObject
            {
                ["name"] = alarm.Name, ["pipeline"] = alarm.Pipeline, ["state"] = AlarmEvaluator.InsufficientData, ["transitions"] = new JsonArray(),
            };
            record[alarm.Name] = entry;
            var period = TimeSpan.FromSeconds(alarm.PeriodSeconds);
            var next = entry["evaluatedUntil"]?.GetValue<DateTimeOffset>() is { } last ? last + period : MetricStatistics.PeriodStart(earliest, alarm.PeriodSeconds) + period;
            var end = MetricStatistics.PeriodStart(now, alarm.PeriodSeconds) + period;
            for (var at = next; at <= end; at += period)
            {
                var current = entry["state"]!.GetValue<string>();
                var (state, reason) = AlarmEvaluator.Evaluate(alarm, store, at, current);
                entry["evaluatedUntil"] = at;
                if (state == current) continue;
                var transition = new AlarmTransition(at, current, state, reason);
                entry["state"] = state;
                ((JsonArray)entry["transitions"]!).Add(new JsonObject
                {
                    ["time"] = at.ToString("O"), ["from"] = current, ["to"] = state, ["reason"] = reason,
                });
                Notify(alarm, transition);
                made.Add((alarm, transition));
            }
        }
        if (directory is not null)
        {
            Directory.CreateDirectory(directory);
            File.WriteAllText(Path.Combine(directory, FileName), record.ToJsonString(Indented));
        }
        return made;
    }

    /// <summary>The recorded alarms of a workspace (name → {name, pipeline, state, evaluatedUntil, transitions[]}).</summary>
    public static JsonObject Load(string? directory)
    {
        var path = directory is null ? null : Path.Combine(directory, FileName);
        return path is not null && File.Exists(path) ? JsonNode.Parse(File.ReadAllText(path)) as JsonObject ?? [] : [];
    }

    private void Notify(AlarmDefinition alarm, AlarmTransition transition)
    {
        if (sns is null) return;
        var topics = transition.To switch
        {
            AlarmEvaluator.Alarm => alarm.AlarmActions,
            AlarmEvaluator.Ok => alarm.OkActions,
            _ => alarm.InsufficientDataActions,
        };
        foreach (var topic in topics)
        {
            sns.Publish(topic, $"{transition.To}: \"{alarm.Name}\" in {region}", AlarmNotification(alarm, transition).ToJsonString());
        }
    }

    /// <summary>The JSON CloudWatch sends to an alarm's SNS topics.</summary>
    private JsonObject AlarmNotification(AlarmDefinition alarm, AlarmTransition transition) => new()
    {
        ["AlarmName"] = alarm.Name,
        ["AlarmDescription"] = alarm.Description,
        ["AWSAccountId"] = accountId,
        ["NewStateValue"] = transition.To,
        ["NewStateReason"] = transition.Reason,
        ["StateChangeTime"] = transition.Time.ToString("yyyy-MM-ddTHH:mm:ss.fff+0000"),
        ["Region"] = region,
        ["AlarmArn"] = $"arn:aws:cloudwatch:{region}:{accountId}:alarm:{alarm.Name}",
        ["OldStateValue"] = transition.From,
        ["Trigger"] = new JsonObject
        {
            ["MetricName"] = alarm.MetricName,
            ["Namespace"] = alarm.Namespace,
            ["StatisticType"] = "Statistic",
            ["Statistic"] = alarm.Statistic.ToUpperInvariant(),
            ["Unit"] = null,
            ["Dimensions"] = new JsonArray(alarm.Dimensions.Select(d => (JsonNode)new JsonObject { ["value"] = d.Value, ["name"] = d.Key }).ToArray()),
            ["Period"] = alarm.PeriodSeconds,
            ["EvaluationPeriods"] = alarm.EvaluationPeriods,
            ["DatapointsToAlarm"] = alarm.DatapointsToAlarm,
            ["ComparisonOperator"] = alarm.ComparisonOperator,
            ["Threshold"] = alarm.Threshold,
            ["TreatMissingData"] = alarm.TreatMissingData,
        },
    };
}
