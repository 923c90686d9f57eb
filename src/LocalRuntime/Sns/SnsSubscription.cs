namespace TrainingOrchestration.LocalRuntime.Sns;

/// <summary>
/// A subscriber of a local topic, from the template: an <c>AWS::SNS::Subscription</c> (protocol <c>email</c>,
/// <c>https</c>, ...) or an AWS Chatbot Slack channel configuration listing the topic in <c>SnsTopicArns</c>
/// (protocol <see cref="ChatbotProtocol"/>, endpoint <c>slack:&lt;workspace&gt;/&lt;channel&gt;</c>).
/// </summary>
public sealed record SnsSubscription(string SubscriptionArn, string TopicArn, string Protocol, string Endpoint)
{
    /// <summary>Not an SNS protocol: Chatbot subscribes its own endpoint; locally it is named for what it is.</summary>
    public const string ChatbotProtocol = "chatbot";
}
