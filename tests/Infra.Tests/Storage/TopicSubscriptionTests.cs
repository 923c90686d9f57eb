using TrainingOrchestration.Infra.Storage;
using TrainingOrchestration.Infra.Tests.Support;

namespace TrainingOrchestration.Infra.Tests.Storage;

/// <summary>The subscribers of <c>notifications</c> in pipeline.yaml become subscriptions on the right topic.</summary>
[Collection(SynthesisCollection.Name)]
public class TopicSubscriptionTests(SynthesizedPipelines synthesized)
{
    [Theory]
    [InlineData("email", "fraud-oncall@example.com", "Notifications")]
    [InlineData("email", "fraud-team@example.com", "Notifications")]
    [InlineData("https", "https://hooks.example.com/fraud/training", "Notifications")]
    [InlineData("https", "https://events.pagerduty.com/integration/0123456789abcdef0123456789abcdef/enqueue", "Paging")]
    public void Each_email_and_webhook_subscribes_to_its_topic(string protocol, string endpoint, string topic)
    {
        var subscription = synthesized.Resources(SynthesizedPipelines.Critical, "AWS::SNS::Subscription")
            .Select(r => r.Resource["Properties"]!)
            .Single(p => p["Endpoint"]!.GetValue<string>() == endpoint);

        Assert.Equal(protocol, subscription["Protocol"]!.GetValue<string>());
        Assert.StartsWith("Topics" + topic, subscription["TopicArn"]!["Ref"]!.GetValue<string>());
    }

    [Fact]
    public void The_paging_topic_has_only_the_paging_subscribers()
    {
        var paging = synthesized.Resources(SynthesizedPipelines.Critical, "AWS::SNS::Subscription")
            .Where(r => r.Resource["Properties"]!["TopicArn"]!["Ref"]!.GetValue<string>().StartsWith("TopicsPaging", StringComparison.Ordinal))
            .ToList();

        Assert.Single(paging);
    }

    [Theory]
    [InlineData("C0FRAUD01", "fraud-notifications-C0FRAUD01", "TopicsNotifications")]
    [InlineData("C0FRAUDPG", "fraud-paging-C0FRAUDPG", "TopicsPaging")]
    public void Each_slack_channel_is_an_aws_chatbot_configuration_on_its_topic_with_a_read_only_guardrail(string channel, string name, string topic)
    {
        var configuration = synthesized.Resources(SynthesizedPipelines.Critical, "AWS::Chatbot::SlackChannelConfiguration")
            .Select(r => r.Resource["Properties"]!)
            .Single(p => p["SlackChannelId"]!.GetValue<string>() == channel);

        Assert.Equal(name, configuration["ConfigurationName"]!.GetValue<string>());
        Assert.Equal("T012ABCDEFG", configuration["SlackWorkspaceId"]!.GetValue<string>());
        Assert.StartsWith(topic, Assert.Single(configuration["SnsTopicArns"]!.AsArray())!["Ref"]!.GetValue<string>());
        Assert.Equal(PipelineTopics.ChatbotGuardrail, Assert.Single(configuration["GuardrailPolicies"]!.AsArray())!.GetValue<string>());
        Assert.NotNull(configuration["IamRoleArn"]);
    }

    [Fact]
    public void An_exploratory_pipeline_has_no_paging_topic_and_no_subscription_without_subscribers()
    {
        var topics = synthesized.Resources(SynthesizedPipelines.Exploratory, "AWS::SNS::Topic").ToList();

        Assert.DoesNotContain(topics, t => t.LogicalId.StartsWith("TopicsPaging", StringComparison.Ordinal));
        Assert.Empty(synthesized.Resources(SynthesizedPipelines.Exploratory, "AWS::SNS::Subscription"));
        Assert.Empty(synthesized.Resources(SynthesizedPipelines.Exploratory, "AWS::Chatbot::SlackChannelConfiguration"));
    }

    [Fact]
    public void The_training_workflow_announces_each_run_once_it_is_recorded_with_retries_and_no_catch()
    {
        var definition = Definition.Of(synthesized, SynthesizedPipelines.Critical, "fraud-training");
        var notify = definition.State("NotifyTrainingStarted");

        Assert.Equal("NotifyTrainingStarted", definition.State("ChangeCounterReset")["Next"]!.GetValue<string>());
        Assert.Equal("BuildFeatures", notify["Next"]!.GetValue<string>());
        Assert.Equal("arn:${AWS::Partition}:states:::sns:publish", notify["Resource"]!.GetValue<string>());
        Assert.StartsWith("${TopicsNotifications", notify["Parameters"]!["TopicArn"]!.GetValue<string>());
        Assert.Equal("$.runId", notify["Parameters"]!["Message"]!["runId.$"]!.GetValue<string>());
        Assert.Null(notify["Catch"]);
        Assert.Contains("SNS.ThrottledException", notify["Retry"]!.ToJsonString());
    }

    [Fact]
    public void A_pipeline_that_turns_off_start_notices_goes_straight_from_recording_to_features()
    {
        var definition = Definition.Of(synthesized, SynthesizedPipelines.Exploratory, "leads-training");

        Assert.Equal("BuildFeatures", definition.State("ChangeCounterReset")["Next"]!.GetValue<string>());
        Assert.False(definition.States.ContainsKey("NotifyTrainingStarted"));
    }
}
