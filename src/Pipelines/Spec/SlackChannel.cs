namespace TrainingOrchestration.Pipelines.Spec;

/// <summary>
/// A Slack channel AWS Chatbot posts a topic's messages to: the workspace id (authorized once in the Chatbot console)
/// and the channel id, as <c>AWS::Chatbot::SlackChannelConfiguration</c> takes them.
/// </summary>
public sealed record SlackChannel(string WorkspaceId, string ChannelId);
