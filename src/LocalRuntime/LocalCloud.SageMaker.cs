using System.Text.Json.Nodes;
using TrainingOrchestration.LocalRuntime.CloudWatch;
using TrainingOrchestration.LocalRuntime.SageMaker;
using TrainingOrchestration.LocalRuntime.SageMaker.Endpoints;

namespace TrainingOrchestration.LocalRuntime;

public sealed partial class LocalCloud
{
    /// <summary>The local SageMaker: training jobs publish their state-change events on this cloud's bus; the stacks' model package groups exist in its registry.</summary>
    public LocalSageMakerService SageMaker { get; private set; } = null!;

    partial void AddModelServices()
    {
        SageMaker = new LocalSageMakerService(Buckets.Root, evt => Bus.PutEventsAsync([evt]), Clock, new SageMakerLocalOptions(Options.Region, Options.AccountId), Metrics,
            Path.Combine(Path.GetFullPath(Options.Workspace), "sagemaker", "models"));
        // Endpoints deploy against this cloud's CloudWatch: their traffic's metrics go to its store, its alarms roll them back.
        SageMaker.Endpoints = new LocalEndpoints(Path.Combine(Path.GetFullPath(Options.Workspace), "sagemaker", "endpoints.json"), SageMaker.Options, Clock, SageMaker.HasModel)
        {
            Deployments = new BlueGreenDeployment(new EndpointTraffic(Metrics), FirstAlarm),
        };
        foreach (var group in Stacks.SelectMany(s => s.OfType("AWS::SageMaker::ModelPackageGroup"))) SageMaker.ModelPackages.EnsureGroup(group.Name);
        Engine.Dispatcher.Add(new SageMakerServiceIntegration(SageMaker));
    }

    /// <summary>
    /// The first of <paramref name="names"/> in ALARM in (<paramref name="from"/>, <paramref name="to"/>] — already in
    /// ALARM at <paramref name="from"/> counts at <paramref name="from"/> — after evaluating the alarms up to
    /// <paramref name="to"/>. An alarm the templates do not define never goes into ALARM locally.
    /// </summary>
    private (string Alarm, DateTimeOffset At)? FirstAlarm(IReadOnlyList<string> names, DateTimeOffset from, DateTimeOffset to)
    {
        Alarms.EvaluateUntil(to);
        var record = LocalAlarms.Load(Path.Combine(Path.GetFullPath(Options.Workspace), "cloudwatch"));
        (string Alarm, DateTimeOffset At)? first = null;
        foreach (var name in names)
        {
            var transitions = (record[name]?["transitions"] as JsonArray ?? [])
                .Select(t => (Time: DateTimeOffset.Parse(t!["time"]!.GetValue<string>()), To: t["to"]!.GetValue<string>())).OrderBy(t => t.Time).ToList();
            var atStart = transitions.LastOrDefault(t => t.Time <= from).To;
            DateTimeOffset? hit = atStart == AlarmEvaluator.Alarm ? from
                : transitions.Where(t => t.Time > from && t.Time <= to && t.To == AlarmEvaluator.Alarm).Select(t => (DateTimeOffset?)t.Time).FirstOrDefault();
            if (hit is { } at && (first is null || at < first.Value.At)) first = (name, at);
        }
        return first;
    }
}
