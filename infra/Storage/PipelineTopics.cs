using Amazon.CDK.AWS.Chatbot;
using Amazon.CDK.AWS.IAM;
using Amazon.CDK.AWS.KMS;
using Amazon.CDK.AWS.SNS;
using Amazon.CDK.AWS.SNS.Subscriptions;
using Constructs;
using TrainingOrchestration.Pipelines.Spec;
using TrainingOrchestration.Pipelines.Conventions;

namespace TrainingOrchestration.Infra.Storage;

/// <summary>
/// Notification topics and who receives them (<c>notifications</c> in pipeline.yaml): every run's start and outcome,
/// failures and alarms go to <see cref="Notifications"/>; critical pipelines also get a <see cref="Paging"/> topic for
/// failures and paging alarms, which the spec loader never lets go without a subscriber. Each topic's subscribers are
/// e-mail (<c>email</c>, confirmed by the recipient), HTTPS webhooks (<c>https</c>, e.g. PagerDuty's Amazon SNS
/// integration endpoint, which confirms the subscription itself; https://docs.aws.amazon.com/sns/latest/dg/sns-http-https-endpoint-as-subscriber.html)
/// and Slack channels through AWS Chatbot (<c>AWS::Chatbot::SlackChannelConfiguration</c> with the topic in
/// <c>SnsTopicArns</c>; https://docs.aws.amazon.com/chatbot/latest/adminguide/slack-setup.html).
/// </summary>
public sealed class PipelineTopics : Construct
{
    /// <summary>
    /// Chatbot channels only relay notifications here; the guardrail caps what anyone in the channel could run through
    /// Chatbot at read-only CloudWatch (without one, Chatbot applies AdministratorAccess).
    /// </summary>
    public const string ChatbotGuardrail = "arn:aws:iam::aws:policy/CloudWatchReadOnlyAccess";

    public Topic Notifications { get; }
    public Topic? Paging { get; }

    public PipelineTopics(Construct scope, string id, PipelineSpec spec, IKey key) : base(scope, id)
    {
        Notifications = new Topic(this, "Notifications", new TopicProps
        {
            TopicName = ResourceNames.NotificationsTopic(spec.Name),
            DisplayName = $"TrainingOrchestration {spec.Name}",
            MasterKey = key,
            EnforceSSL = true,
        });
        Subscribe(Notifications, "Notifications", spec.Name, spec.Notifications.Subscribers);

        if (spec.Tier == PipelineTier.Critical)
        {
            Paging = new Topic(this, "Paging", new TopicProps
            {
                TopicName = ResourceNames.PagingTopic(spec.Name),
                DisplayName = $"TrainingOrchestration {spec.Name} paging",
                MasterKey = key,
                EnforceSSL = true,
            });
            Subscribe(Paging, "Paging", spec.Name, spec.Notifications.Paging);
        }
    }

    private void Subscribe(Topic topic, string kind, string pipeline, Subscribers subscribers)
    {
        foreach (var email in subscribers.Emails) topic.AddSubscription(new EmailSubscription(email));
        foreach (var url in subscribers.Webhooks)
        {
            topic.AddSubscription(new UrlSubscription(url, new UrlSubscriptionProps { Protocol = SubscriptionProtocol.HTTPS }));
        }
        foreach (var channel in subscribers.Slack)
        {
            _ = new SlackChannelConfiguration(this, $"{kind}Slack{channel.ChannelId}", new SlackChannelConfigurationProps
            {
                SlackChannelConfigurationName = $"{pipeline}-{kind.ToLowerInvariant()}-{channel.ChannelId}",
                SlackWorkspaceId = channel.WorkspaceId,
                SlackChannelId = channel.ChannelId,
                NotificationTopics = [topic],
                GuardrailPolicies = [ManagedPolicy.FromManagedPolicyArn(this, $"{kind}Guardrail{channel.ChannelId}", ChatbotGuardrail)],
                LoggingLevel = LoggingLevel.ERROR,
            });
        }
    }
}
