using System.Text.Json.Nodes;
using TrainingOrchestration.Asl;
using TrainingOrchestration.LocalRuntime.Sns;

namespace TrainingOrchestration.LocalRuntime.Tests.Sns;

public sealed class SnsDeliveryTests : IDisposable
{
    private const string Notifications = "arn:aws:sns:us-east-1:123456789012:churn-notifications";
    private const string Paging = "arn:aws:sns:us-east-1:123456789012:churn-paging";

    private readonly string _log = Path.Combine(Directory.CreateTempSubdirectory("sns-").FullName, "sns", "deliveries.jsonl");
    private readonly VirtualClock _clock = new(new DateTimeOffset(2026, 11, 23, 8, 0, 0, TimeSpan.Zero));

    [Fact]
    public void A_published_message_is_delivered_once_to_each_subscription_of_its_topic_only()
    {
        var sns = Topics();
        var email = sns.Subscribe(Notifications, "email", "ml-oncall@example.com");
        var slack = sns.Subscribe(Notifications, SnsSubscription.ChatbotProtocol, "slack:T012ABCDEFG/C0123ABCDE");
        var pager = sns.Subscribe(Paging, "https", "https://events.pagerduty.com/integration/abc/enqueue");

        var message = sns.Publish(Notifications, "training run started", "{}");

        Assert.Equal(new[] { email.SubscriptionArn, slack.SubscriptionArn }.Order(StringComparer.Ordinal), sns.Deliveries.Select(d => d.SubscriptionArn).Order(StringComparer.Ordinal));
        Assert.All(sns.Deliveries, d => Assert.Equal(message.MessageId, d.MessageId));
        Assert.DoesNotContain(sns.Deliveries, d => d.SubscriptionArn == pager.SubscriptionArn);
    }

    [Fact]
    public async Task A_task_publish_fans_out_too_and_each_delivery_is_one_line_in_the_log()
    {
        var sns = Topics();
        sns.Subscribe(Paging, "https", "https://events.pagerduty.com/integration/abc/enqueue");
        sns.Subscribe(Paging, "email", "pager@example.com");

        var context = new TaskContext("arn:aws:states:us-east-1:123456789012:execution:churn-training:x",
            "arn:aws:states:us-east-1:123456789012:stateMachine:churn-training", "PageOnCall", 0, _clock, null!);
        await sns.InvokeAsync(new TaskRequest("arn:aws:states:::sns:publish", "sns", "publish", IntegrationPattern.RequestResponse, false,
            new JsonObject { ["TopicArn"] = Paging, ["Message"] = "run failed" }, null, context), CancellationToken.None);

        var lines = File.ReadAllLines(_log).Select(l => JsonNode.Parse(l)!).ToList();
        Assert.Equal(2, lines.Count);
        Assert.Equal(["email", "https"], lines.Select(l => l["protocol"]!.GetValue<string>()).Order());
        Assert.All(lines, l => Assert.Equal(Paging, l["topicArn"]!.GetValue<string>()));
    }

    [Fact]
    public void A_topic_without_subscribers_records_the_message_but_delivers_nothing()
    {
        var sns = Topics();

        sns.Publish(Paging, null, "nobody listens");

        Assert.Single(sns.Messages);
        Assert.Empty(sns.Deliveries);
        Assert.False(File.Exists(_log));
    }

    [Fact]
    public void Subscribing_to_a_topic_the_template_does_not_have_fails()
    {
        Assert.Throws<KeyNotFoundException>(() => Topics().Subscribe("arn:aws:sns:us-east-1:123456789012:other", "email", "a@example.com"));
    }

    private SnsIntegration Topics()
    {
        var sns = new SnsIntegration(_clock, _log);
        sns.AddTopic(Notifications, "churn-notifications");
        sns.AddTopic(Paging, "churn-paging");
        return sns;
    }

    public void Dispose() => Directory.Delete(Path.GetDirectoryName(Path.GetDirectoryName(_log)!)!, recursive: true);
}
