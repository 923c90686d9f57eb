using System.Collections.Concurrent;
using System.Text.Json;
using System.Text.Json.Nodes;
using TrainingOrchestration.Asl;

namespace TrainingOrchestration.LocalRuntime.Sns;

/// <summary>
/// <c>arn:aws:states:::sns:publish</c> and <c>aws-sdk:sns:publish</c>: records each message for the template's topics
/// (there is nobody to email locally) and answers like SNS (<c>MessageId</c>). An unknown topic fails as SNS does.
/// </summary>
public sealed class SnsIntegration(IClock clock) : IServiceIntegration
{
    private readonly ConcurrentDictionary<string, string> _topics = new();
    private readonly ConcurrentQueue<PublishedMessage> _messages = new();

    public IReadOnlyList<PublishedMessage> Messages => _messages.ToList();

    public void AddTopic(string arn, string name) => _topics[arn] = name;

    /// <summary>Publishes as another AWS service does (CloudWatch alarm actions): recorded like a task's message.</summary>
    /// <exception cref="KeyNotFoundException">The topic is not one of the template's.</exception>
    public PublishedMessage Publish(string topicArn, string? subject, string message)
    {
        if (!_topics.ContainsKey(topicArn)) throw new KeyNotFoundException($"Topic does not exist: {topicArn}");
        var published = new PublishedMessage(Guid.NewGuid().ToString(), topicArn, subject, message, clock.UtcNow);
        _messages.Enqueue(published);
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
        _messages.Enqueue(new PublishedMessage(id, topic, p["Subject"]?.GetValue<string>(), message, clock.UtcNow));
        JsonNode result = new JsonObject { ["MessageId"] = id };
        if (!request.IsAwsSdk)
        {
            result["SdkHttpMetadata"] = new JsonObject { ["HttpStatusCode"] = 200 };
            result["SdkResponseMetadata"] = new JsonObject { ["RequestId"] = Guid.NewGuid().ToString() };
        }
        return Task.FromResult<JsonNode?>(result);
    }
}
