using System.Text.RegularExpressions;
using TrainingOrchestration.Pipelines.Spec;

namespace TrainingOrchestration.Pipelines.Loading;

/// <summary>
/// Reads one topic's subscribers (<c>emails</c>, <c>webhooks</c>, <c>slack</c>) and checks each against what the
/// service accepts: SNS takes only <c>https://</c> URLs for protocol https (an http endpoint would carry the message in
/// clear), and AWS Chatbot takes a channel id matching <c>^[A-Za-z0-9]+$</c>, 1 to 255 characters
/// (https://docs.aws.amazon.com/chatbot/latest/APIReference/API_SlackChannelConfiguration.html); the workspace id (Slack team
/// id, e.g. <c>T012ABCDEFG</c>) is held to the same alphabet.
/// </summary>
internal static partial class SubscribersReader
{
    public static Subscribers? Read(YamlSection section)
    {
        var emails = section.Has("emails") ? section.StringList("emails", required: true) : [];
        foreach (var email in emails ?? [])
        {
            var at = email.IndexOf('@');
            if (at <= 0 || at == email.Length - 1 || email.Contains(' '))
                section.Error("emails", $"'{email}' is not an e-mail address.", "Write addresses like ml-oncall@example.com.");
        }
        var webhooks = section.Has("webhooks") ? section.StringList("webhooks", required: true) : [];
        foreach (var url in webhooks ?? [])
        {
            if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || uri.Scheme != Uri.UriSchemeHttps || uri.Host.Length == 0)
                section.Error("webhooks", $"'{url}' is not an https:// URL.",
                    "SNS delivers webhooks over HTTPS only here: give the receiver's https endpoint, e.g. https://events.pagerduty.com/integration/<key>/enqueue.");
        }
        var slackTexts = section.Has("slack") ? section.StringList("slack", required: true) : [];
        var slack = new List<SlackChannel>();
        foreach (var text in slackTexts ?? [])
        {
            var parts = text.Split('/');
            if (parts.Length == 2 && Workspace().IsMatch(parts[0]) && Channel().IsMatch(parts[1])) slack.Add(new SlackChannel(parts[0], parts[1]));
            else section.Error("slack", $"'{text}' is not WORKSPACE_ID/CHANNEL_ID.",
                "Write the Slack workspace id from the AWS Chatbot console and the channel id, e.g. T012ABCDEFG/C0123ABCDE.");
        }
        if (emails is null || webhooks is null || slackTexts is null) return null;
        return new Subscribers { Emails = emails, Webhooks = webhooks, Slack = slack };
    }

    [GeneratedRegex("^[A-Za-z0-9]{1,255}$")]
    private static partial Regex Workspace();

    [GeneratedRegex("^[A-Za-z0-9]{1,255}$")]
    private static partial Regex Channel();
}
