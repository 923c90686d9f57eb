using System.Text.Json.Nodes;
using TrainingOrchestration.Asl;
using TrainingOrchestration.LocalRuntime.CloudWatch;
using TrainingOrchestration.LocalRuntime.Sns;

namespace TrainingOrchestration.LocalRuntime.Tests.CloudWatch;

public sealed class LocalAlarmsTests
{
    private const string Topic = "arn:aws:sns:us-east-1:123456789012:paging";
    private static readonly DateTimeOffset T0 = DateTimeOffset.Parse("2026-11-23T13:00:00Z");
    private static readonly Dictionary<string, string> Machine = new() { ["StateMachineArn"] = "arn:aws:states:us-east-1:123456789012:stateMachine:churn-training" };

    private static AlarmDefinition Failed() => new("churn-TrainingFailed", "failed", "AWS/States", "ExecutionsFailed", Machine, "Sum", 300, 1, 1,
        "GreaterThanOrEqualToThreshold", 1, "notBreaching") { AlarmActions = [Topic], Pipeline = "churn" };

    private static AlarmDefinition Stale() => new("churn-no-successful-run", "stale", "AWS/States", "ExecutionsSucceeded", Machine, "Sum", 86400, 7, 7,
        "LessThanThreshold", 1, "breaching") { AlarmActions = [Topic], Pipeline = "churn" };

    private static (LocalAlarms Alarms, LocalMetricStore Store, SnsIntegration Sns) Setup(AlarmDefinition alarm, string directory)
    {
        var store = new LocalMetricStore(directory);
        var sns = new SnsIntegration(new VirtualClock(T0));
        sns.AddTopic(Topic, "paging");
        return (new LocalAlarms([alarm], store, directory, sns, "us-east-1", "123456789012"), store, sns);
    }

    private static string TempDirectory() => Directory.CreateTempSubdirectory("alarms-").FullName;

    [Fact]
    public void A_failed_execution_sets_the_alarm_off_notifies_its_topic_and_clears_in_the_next_period()
    {
        var (alarms, store, sns) = Setup(Failed(), TempDirectory());
        store.Add(new MetricDatum("AWS/States", "ExecutionsStarted", Machine, T0, 1, "Count", "states"));
        store.Add(new MetricDatum("AWS/States", "ExecutionsFailed", Machine, T0.AddMinutes(7), 1, "Count", "states"));

        var transitions = alarms.EvaluateUntil(T0.AddMinutes(12)).Select(t => t.Transition).ToList();

        Assert.Equal([("INSUFFICIENT_DATA", "OK"), ("OK", "ALARM"), ("ALARM", "OK")], transitions.Select(t => (t.From, t.To)));
        Assert.Equal(T0.AddMinutes(10), transitions[1].Time);
        Assert.StartsWith("Threshold Crossed: 1 out of the last 1 datapoints [1.0", transitions[1].Reason);
        var message = Assert.Single(sns.Messages);
        Assert.Equal(Topic, message.TopicArn);
        var body = JsonNode.Parse(message.Message)!;
        Assert.Equal(("ALARM", "OK", "ExecutionsFailed"), (body["NewStateValue"]!.GetValue<string>(), body["OldStateValue"]!.GetValue<string>(), body["Trigger"]!["MetricName"]!.GetValue<string>()));
    }

    [Fact]
    public void Without_a_success_for_seven_days_the_staleness_alarm_fires_because_missing_days_breach()
    {
        var (alarms, store, _) = Setup(Stale(), TempDirectory());
        store.Add(new MetricDatum("AWS/States", "ExecutionsSucceeded", Machine, T0, 1, "Count", "states"));

        var first = alarms.EvaluateUntil(T0.AddHours(1));
        var later = alarms.EvaluateUntil(T0.AddDays(8));

        Assert.Equal("OK", Assert.Single(first).Transition.To);
        var fired = Assert.Single(later).Transition;
        Assert.Equal("ALARM", fired.To);
        Assert.Equal(MetricStatistics.PeriodStart(T0, 86400).AddDays(8), fired.Time);
    }

    [Fact]
    public void Evaluation_resumes_where_the_workspace_left_it()
    {
        var directory = TempDirectory();
        var (alarms, store, _) = Setup(Failed(), directory);
        store.Add(new MetricDatum("AWS/States", "ExecutionsFailed", Machine, T0.AddMinutes(1), 1, "Count", "states"));
        alarms.EvaluateUntil(T0.AddMinutes(2));

        var (again, _, _) = Setup(Failed(), directory);
        var transitions = again.EvaluateUntil(T0.AddMinutes(7));

        Assert.Equal(("ALARM", "OK"), (Assert.Single(transitions).Transition.From, transitions[0].Transition.To));
        var recorded = LocalAlarms.Load(directory)["churn-TrainingFailed"]!["transitions"]!.AsArray();
        Assert.Equal(["ALARM", "OK"], recorded.Select(t => t!["to"]!.GetValue<string>()));
    }
}
