using System.Text.Json.Serialization;

namespace TrainingOrchestration.Pipelines.Spec;

/// <summary>
/// The subscribers of one SNS topic: e-mail addresses (SNS protocol <c>email</c>), HTTPS webhooks (protocol <c>https</c>,
/// e.g. PagerDuty's or Opsgenie's events endpoint for SNS) and Slack channels reached through AWS Chatbot.
/// </summary>
public sealed record Subscribers
{
    public IReadOnlyList<string> Emails { get; init; } = [];
    public IReadOnlyList<string> Webhooks { get; init; } = [];
    public IReadOnlyList<SlackChannel> Slack { get; init; } = [];

    [JsonIgnore]
    public int Count => Emails.Count + Webhooks.Count + Slack.Count;
}
