using System.Collections.Concurrent;
using System.Text.Json;
using System.Text.Json.Nodes;
using TrainingOrchestration.Asl;

namespace TrainingOrchestration.LocalRuntime.Sns;

/// <summary>
/// <c>arn:aws:states:::sns:publish</c> and <c>aws-sdk:sns:publish</c>: records each message for the template's topics
/// and answers like SNS (<c>MessageId</c>). An unknown topic fails as SNS does. Each message is also delivered to every
/// subscription of its topic, as SNS fans out (https://docs.aws.amazon.com/sns/latest/dg/sns-message-delivery.html);
/// nothing leaves the machine, so a delivery is a record (<see cref="Deliveries"/>, and one JSON line each in
/// <paramref name="deliveryLog"/> when given), which is what tests and <c>simulate</c> count. Subscriptions count as
/// confirmed: on AWS an e-mail address must confirm first (runbooks/onboarding-a-table.md).
/// </summary>
public sealed class SnsIntegration(IClock clock, string? deliveryLog = null) : IServiceIntegration
{
    private readonly ConcurrentDictionary<string, string> _topics = new();
    private readonly ConcurrentQueue<PublishedMessage> _messages = new();
    private readonly ConcurrentQueue<SnsSubscription> _subscriptions = new();
    private readonly ConcurrentQueue<SnsDelivery> _deliveries = new();
    private readonly object _logGate = new();

    public IReadOnlyList<PublishedMessage> Messages => _messages.ToList();

    public IReadOnlyList<SnsSubscription> Subscriptions => _subscriptions.ToList();

    public IReadOnlyList<SnsDelivery> Deliveries => _deliveries.ToList();

    public void AddTopic(string arn, string name) => _topics[arn] = name;

    /// <exception cref="KeyNotFoundException">The topic is not one of the template's (CloudFormation would fail the same way).</exception>
    public SnsSubscription Subscribe(string topicArn, string protocol, string endpoint)
    {
        if (!_topics.ContainsKey(topicArn)) throw new KeyNotFoundException($"Topic does not exist: {topicArn}");
        var subscription = new SnsSubscription($"{topicArn}:{Guid.NewGuid()}", topicArn, protocol, endpoint);
        _subscriptions.Enqueue(subscription);
        return subscription;
    }

    /// <summary>Publishes as another AWS service does (CloudWatch alarm actions): recorded like a task's message.</summary>
    /// <exception cref="KeyNotFoundException">The topic is not one of the template's.</exception>
    public PublishedMessage Publish(string topicArn, string? subject, string message)
    {
        if (!_topics.ContainsKey(topicArn)) throw new KeyNotFoundException($"Topic does not exist: {topicArn}");
        var published = new PublishedMessage(Guid.NewGuid().ToString(), topicArn, subject, message, clock.UtcNow);
        Record(published);
        return published;
    }

    public bool CanHandle(string resource) =>
        resource.Contains(":states:::sns:publish", StringComparison.Ordinal) || resource.Contains(":states:::aws-sdk:sns:publish", StringComparison.Ordinal);

    public Task<JsonNode?> InvokeAsync(TaskRequest request, CancellationToken cancellationToken)
    {
        var prefix = request.IsAwsSdk ? "Sns" : "SNS";
        var p = request.Parameters as JsonObject ?? new JsonObject();
        var topic = p["TopicArn"]?.GetValue<string>() ?? throw new TaskFailedException($"{prefix}.InvalidParameterException", "Invalid parameter: TopicArn or TargetArn Reason: no value for required parameter");
        if (!_topics.ContainsKey(topic)) throw new TaskFailedException($"{prefix}.NotFoundException", $"Topic does not exist (Service: Sns, Status Code: 404): {topic}");
        var message = p["Message"] switch
        {
            JsonValue v when v.GetValueKind() == JsonValueKind.String => v.GetValue<string>(),
            null => throw new TaskFailedException($"{prefix}.InvalidParameterException", "Invalid parameter: Message"),
            var node => node.ToJsonString(),
        };
        var id = Guid.NewGuid().ToString();
        Record(new PublishedMessage(id, topic, p["Subject"]?.GetValue<string>(), message, clock.UtcNow));
        JsonNode result = new JsonObject { ["MessageId"] = id };
        if (!request.IsAwsSdk)
        {
            result["SdkHttpMetadata"] = new JsonObject { ["HttpStatusCode"] = 200 };
            result["SdkResponseMetadata"] = new JsonObject { ["RequestId"] = Guid.NewGuid().ToString() };
        }
        return Task.FromResult<JsonNode?>(result);
    }

    private void Record(PublishedMessage message)
    {
        _messages.Enqueue(message);
        var delivered = _subscriptions.Where(s => s.TopicArn == message.TopicArn)
            .Select(s => new SnsDelivery(s.SubscriptionArn, s.TopicArn, s.Protocol, s.Endpoint, message.MessageId, message.Subject, message.PublishedAt))
            .ToList();
        foreach (var delivery in delivered) _deliveries.Enqueue(delivery);
        if (deliveryLog is null || delivered.Count == 0) return;
        lock (_logGate)
        {
            Directory.CreateDirectory(Path.GetDirectoryName(deliveryLog)!);
            File.AppendAllLines(deliveryLog, delivered.Select(d => JsonSerializer.Serialize(new JsonObject
            {
                ["subscriptionArn"] = d.SubscriptionArn, ["topicArn"] = d.TopicArn, ["protocol"] = d.Protocol, ["endpoint"] = d.Endpoint,
                ["messageId"] = d.MessageId, ["subject"] = d.Subject, ["deliveredAt"] = d.DeliveredAt.ToString("O"),
            })));
        }
    }
}
