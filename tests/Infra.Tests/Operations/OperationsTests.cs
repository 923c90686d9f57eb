using System.Text.Json.Nodes;
using Amazon.CDK.Assertions;
using TrainingOrchestration.Infra.Tests.Support;

namespace TrainingOrchestration.Infra.Tests.Operations;

[Collection(SynthesisCollection.Name)]
public class OperationsTests(SynthesizedPipelines synthesized)
{
    [Theory]
    [InlineData("TriggerDecisions")]
    [InlineData("ValidationFailures")]
    [InlineData("RulesFailed")]
    [InlineData("TrainingDurationSeconds")]
    [InlineData("ModelMetric")]
    [InlineData("CandidatesPromoted")]
    [InlineData("CandidatesRejected")]
    [InlineData("ExecutionsFailed")]
    [InlineData("glue.driver.aggregate.elapsedTime")]
    public void The_weekly_review_dashboard_shows_the_metric(string metric)
    {
        var dashboard = Assert.Single(synthesized.Resources(SynthesizedPipelines.Critical, "AWS::CloudWatch::Dashboard")).Resource;

        Assert.Equal("TrainingOrchestration-fraud", dashboard["Properties"]!["DashboardName"]!.GetValue<string>());
        Assert.Contains(metric, Definition.Text(dashboard["Properties"]!["DashboardBody"]!));
    }

    [Fact]
    public void Breakdowns_by_reason_and_rule_are_searches_over_the_pipeline_dimension()
    {
        var body = Definition.Text(Assert.Single(synthesized.Resources(SynthesizedPipelines.Critical, "AWS::CloudWatch::Dashboard")).Resource["Properties"]!["DashboardBody"]!);

        Assert.Contains("SEARCH('{TrainingOrchestration,Pipeline,Decision,Reason} MetricName=\\\"TriggerDecisions\\\" Pipeline=\\\"fraud\\\"'", body);
        Assert.Contains("SEARCH('{TrainingOrchestration,Pipeline,Rule} MetricName=\\\"ValidationFailures\\\"", body);
    }

    [Theory]
    [InlineData("fraud-TrainingFailed", "ExecutionsFailed")]
    [InlineData("fraud-TrainingTimedOut", "ExecutionsTimedOut")]
    [InlineData("fraud-ValidationFailed", "RulesFailed")]
    [InlineData("fraud-no-successful-run", "ExecutionsSucceeded")]
    public void Alarms_watch_failures_timeouts_validation_and_staleness(string alarm, string metric)
    {
        synthesized.Templates[SynthesizedPipelines.Critical].HasResourceProperties("AWS::CloudWatch::Alarm", new Dictionary<string, object>
        {
            ["AlarmName"] = alarm,
            ["MetricName"] = metric,
            ["AlarmActions"] = Match.ArrayWith([Match.ObjectLike(new Dictionary<string, object> { ["Ref"] = Match.StringLikeRegexp("TopicsNotifications") })]),
        });
    }

    [Fact]
    public void The_validation_alarm_counts_failed_error_severity_rules()
    {
        synthesized.Templates[SynthesizedPipelines.Critical].HasResourceProperties("AWS::CloudWatch::Alarm", new Dictionary<string, object>
        {
            ["AlarmName"] = "fraud-ValidationFailed",
            ["Namespace"] = "TrainingOrchestration",
            ["Dimensions"] = Match.ArrayWith([new Dictionary<string, object> { ["Name"] = "Severity", ["Value"] = "error" }]),
        });
    }

    [Fact]
    public void The_staleness_alarm_spans_the_max_staleness_and_treats_silence_as_breaching()
    {
        var alarm = synthesized.Resources(SynthesizedPipelines.Critical, "AWS::CloudWatch::Alarm")
            .Single(a => a.Resource["Properties"]!["AlarmName"]!.GetValue<string>() == "fraud-no-successful-run").Resource["Properties"]!;

        Assert.Equal(86400, alarm["Period"]!.GetValue<int>());
        Assert.Equal(3, alarm["EvaluationPeriods"]!.GetValue<int>());
        Assert.Equal("breaching", alarm["TreatMissingData"]!.GetValue<string>());
        Assert.Equal("LessThanThreshold", alarm["ComparisonOperator"]!.GetValue<string>());
        Assert.Contains("TopicsPaging", alarm["AlarmActions"]!.ToJsonString());
    }

    [Theory]
    [MemberData(nameof(SynthesizedPipelines.Pipelines), MemberType = typeof(SynthesizedPipelines))]
    public void Every_taggable_resource_carries_the_pipeline_and_tier_tags(string pipeline)
    {
        var tier = pipeline == SynthesizedPipelines.Critical ? "critical" : "exploratory";
        var tagged = synthesized.Json[pipeline]["Resources"]!.AsObject()
            .Where(r => r.Value!["Properties"]?["Tags"] is JsonArray)
            .ToList();

        Assert.True(tagged.Count > 15, $"only {tagged.Count} tagged resources");
        foreach (var (id, resource) in tagged)
        {
            var tags = resource!["Properties"]!["Tags"]!.AsArray().ToDictionary(t => t!["Key"]!.GetValue<string>(), t => t!["Value"]!.ToJsonString());
            Assert.True(tags.TryGetValue("pipeline", out var p) && p == $"\"{pipeline}\"", $"{id} lacks pipeline tag");
            Assert.True(tags.TryGetValue("tier", out var t) && t == $"\"{tier}\"", $"{id} lacks tier tag");
        }
    }

    [Fact]
    public void Glue_and_state_machines_are_tagged_too()
    {
        var fraud = synthesized.Templates[SynthesizedPipelines.Critical];
        fraud.HasResourceProperties("AWS::Glue::Job", new Dictionary<string, object>
        {
            ["Tags"] = new Dictionary<string, object> { ["pipeline"] = "fraud", ["tier"] = "critical" },
        });
    }

    [Theory]
    [InlineData("TrainingStateMachineArn")]
    [InlineData("TriggerStateMachineArn")]
    [InlineData("CallbackStateMachineArn")]
    [InlineData("BucketName")]
    [InlineData("TableName")]
    [InlineData("DashboardName")]
    [InlineData("DashboardUrl")]
    public void The_stack_outputs_what_operators_look_up(string output) =>
        synthesized.Templates[SynthesizedPipelines.Critical].HasOutput(output, Match.AnyValue());
}
