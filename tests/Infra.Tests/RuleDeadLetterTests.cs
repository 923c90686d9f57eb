using System.Text.Json.Nodes;
using TrainingOrchestration.Infra.Tests.Support;

namespace TrainingOrchestration.Infra.Tests;

/// <summary>Every EventBridge rule target keeps undeliverable events in a dead-letter queue that raises an alarm.</summary>
[Collection(SynthesisCollection.Name)]
public class RuleDeadLetterTests(SynthesizedPipelines synthesized)
{
    [Theory]
    [MemberData(nameof(SynthesizedPipelines.Pipelines), MemberType = typeof(SynthesizedPipelines))]
    public void Every_rule_target_has_the_dead_letter_queue_and_an_alarm_watches_it(string pipeline)
    {
        var queue = Assert.Single(synthesized.Resources(pipeline, "AWS::SQS::Queue"), q => q.LogicalId.StartsWith("RuleDeadLetters", StringComparison.Ordinal));
        var rules = synthesized.Resources(pipeline, "AWS::Events::Rule").ToList();
        var targets = rules.SelectMany(r => r.Resource["Properties"]!["Targets"]!.AsArray().OfType<JsonObject>()).ToList();

        Assert.Equal(4, rules.Count);
        Assert.All(targets, t => Assert.Equal(queue.LogicalId, t["DeadLetterConfig"]?["Arn"]?["Fn::GetAtt"]?[0]?.GetValue<string>()));
        var alarm = Assert.Single(synthesized.Resources(pipeline, "AWS::CloudWatch::Alarm"),
            a => a.Resource["Properties"]!["MetricName"]?.GetValue<string>() == "ApproximateNumberOfMessagesVisible" && a.LogicalId.StartsWith("RuleDeadLetters", StringComparison.Ordinal));
        var dimension = alarm.Resource["Properties"]!["Dimensions"]!.AsArray().OfType<JsonObject>().Single();
        Assert.Equal(queue.LogicalId, dimension["Value"]!["Fn::GetAtt"]![0]!.GetValue<string>());
        Assert.NotEmpty(alarm.Resource["Properties"]!["AlarmActions"]!.AsArray());
    }

    [Fact]
    public void The_queue_accepts_only_EventBridge_sends_from_the_pipeline_rules_over_TLS()
    {
        var policy = Assert.Single(synthesized.Resources(SynthesizedPipelines.Critical, "AWS::SQS::QueuePolicy"), p => p.LogicalId.StartsWith("RuleDeadLetters", StringComparison.Ordinal));
        var statements = policy.Resource["Properties"]!["PolicyDocument"]!["Statement"]!.AsArray().OfType<JsonObject>().ToList();

        Assert.Contains(statements, s => s["Effect"]!.GetValue<string>() == "Deny" && s.ToJsonString().Contains("aws:SecureTransport", StringComparison.Ordinal));
        var sends = statements.Where(s => s["Principal"]?["Service"]?.GetValue<string>() == "events.amazonaws.com").ToList();
        Assert.Equal(4, sends.Count);
        Assert.All(sends, s => Assert.Contains("aws:SourceArn", s["Condition"]!.ToJsonString(), StringComparison.Ordinal));
    }
}
