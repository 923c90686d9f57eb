using TrainingOrchestration.Asl;
using TrainingOrchestration.LocalRuntime.CloudWatch;
using TrainingOrchestration.LocalRuntime.Dashboards;

namespace TrainingOrchestration.EndToEnd.Tests;

/// <summary>
/// Every metric the deployed dashboard and alarms read is produced offline: after a successful run and a run that fails
/// validation, each widget metric and each alarm metric has datapoints, except Step Functions outcomes that only a
/// timeout or an abort produces, whose producer is checked directly.
/// </summary>
[Collection(ChurnStackCollection.Name)]
public sealed class DashboardCoverageTests(ChurnStackFixture stack)
{
    private static readonly string[] FailureOnly = ["ExecutionsFailed", "ExecutionsTimedOut", "ExecutionsAborted"];

    /// <summary>The rules' dead-letter queue fills only when EventBridge cannot deliver to a target, which the local bus never fails to do.</summary>
    private const string DeadLetterMetric = "ApproximateNumberOfMessagesVisible";

    /// <summary>
    /// The change Pipe's failures (AWS/EventBridge/Pipes ExecutionFailed) have no local producer: offline no Pipe runs,
    /// run --changes lands the batches itself (LocalRuntime/Ingress/ChangeReplay).
    /// </summary>
    private const string PipesNamespace = "AWS/EventBridge/Pipes";

    [Fact]
    public async Task Every_dashboard_and_alarm_metric_has_a_producer_after_a_successful_and_a_failed_run()
    {
        var data = new List<MetricDatum>();
        DashboardDefinition? dashboard = null;
        IReadOnlyList<AlarmDefinition> alarms = [];
        foreach (var corrupt in new[] { false, true })
        {
            await using var cloud = (await stack.StartAsync()).Cloud;
            var session = new PipelineSession(cloud, stack.Spec);
            var file = corrupt ? ValidationFailureTests.CorruptTenure(stack.Spec.SampleDataFile!, Path.Combine(cloud.Options.Workspace, "corrupted", "customers.csv")) : null;
            await session.SendCdcEventAsync(stack.SampleEvent, file);
            cloud.PublishServiceMetrics();
            if (!corrupt) AssertCostFromReportedUsage(RunCostRecorder.Estimate(cloud, await session.SingleRunAsync()));
            data.AddRange(cloud.Metrics.All);
            dashboard = DashboardDefinition.FromStack(session.Stack);
            alarms = cloud.Alarms.Definitions;
        }

        var widgets = DashboardWriter.Query(dashboard!, data, out _, out _);
        var silent = widgets.SelectMany(w => w.Series.Where(s => s.Datapoints.Count == 0 && !(s.Namespace == ServiceMetrics.States && FailureOnly.Contains(s.Name)))
            .Select(s => $"{w.Widget.Title}: {s.Namespace} {s.Name} {string.Join(",", s.Dimensions.Select(d => d.Key + "=" + d.Value))}")).ToList();
        Assert.Empty(silent);
        Assert.Equal(11, widgets.Count(w => w.Widget.Type == "metric"));
        var unread = alarms.Where(a => !(a.Namespace == ServiceMetrics.States && FailureOnly.Contains(a.MetricName)) && !(a.Namespace == "AWS/SQS" && a.MetricName == DeadLetterMetric) && a.Namespace != PipesNamespace
            && !data.Any(d => d.Namespace == a.Namespace && d.Name == a.MetricName && d.HasDimensions(a.Dimensions))).Select(a => a.Name).ToList();
        Assert.Empty(unread);
        Assert.Contains(data, d => d.Name == "ValidationFailures" && d.Dimensions.ContainsKey("Rule"));
    }

    /// <summary>A trained run is priced from Glue's DPU-seconds, SageMaker's billable seconds, Lambda and Step Functions usage.</summary>
    private static void AssertCostFromReportedUsage(System.Text.Json.Nodes.JsonObject cost)
    {
        var usage = cost["usage"]!;
        Assert.True(usage["glueDpuSeconds"]!.GetValue<double>() > 0);
        Assert.Equal("ml.m5.xlarge", usage["trainingInstanceType"]!.GetValue<string>());
        Assert.True(usage["billableTimeInSeconds"]!.GetValue<double>() >= 1);
        Assert.True(usage["stateTransitions"]!.GetValue<int>() > 10);
        Assert.True(usage["lambdaRequests"]!.GetValue<int>() >= 2);
        Assert.True(cost["glueUsd"]!.GetValue<double>() > 0 && cost["sageMakerUsd"]!.GetValue<double>() > 0);
        Assert.Equal(cost["glueUsd"]!.GetValue<double>() + cost["sageMakerUsd"]!.GetValue<double>() + cost["lambdaUsd"]!.GetValue<double>()
            + cost["stepFunctionsUsd"]!.GetValue<double>(), cost["totalUsd"]!.GetValue<double>(), 5);
    }

    [Theory]
    [InlineData(ExecutionStatus.Failed, "ExecutionsFailed")]
    [InlineData(ExecutionStatus.TimedOut, "ExecutionsTimedOut")]
    [InlineData(ExecutionStatus.Aborted, "ExecutionsAborted")]
    public void Step_functions_publishes_each_outcome_with_its_duration_by_state_machine(ExecutionStatus status, string metric)
    {
        var start = DateTimeOffset.Parse("2026-11-23T13:00:00Z");
        var execution = new ExecutionDescription("arn:exec", "arn:aws:states:us-east-1:123456789012:stateMachine:churn-training", "x", status, start,
            start.AddMinutes(3), "{}", null, null, null, 0, null);

        var data = ServiceMetrics.ForExecution(execution);

        Assert.Equal(["ExecutionsStarted", metric, "ExecutionTime"], data.Select(d => d.Name));
        Assert.All(data, d => Assert.Equal(execution.StateMachineArn, d.Dimensions["StateMachineArn"]));
        Assert.Equal(180_000, data[2].Value);
    }
}
