using TrainingOrchestration.Pipelines.Spec;

namespace TrainingOrchestration.Pipelines.Loading;

/// <summary>Reads <c>notifications</c>: e-mail subscribers of the SNS topic and whether successes are announced.</summary>
internal static class NotificationsReader
{
    public static NotificationsSpec? Read(YamlSection? notifications)
    {
        if (notifications is null) return new NotificationsSpec();
        var emails = notifications.Has("emails") ? notifications.StringList("emails", required: true) : [];
        foreach (var email in emails ?? [])
        {
            var at = email.IndexOf('@');
            if (at <= 0 || at == email.Length - 1 || email.Contains(' '))
                notifications.Error("emails", $"'{email}' is not an e-mail address.", "Write addresses like ml-oncall@example.com.");
        }
        var onSuccess = notifications.Has("notifyOnSuccess") ? notifications.Bool("notifyOnSuccess", required: true) : true;
        if (emails is null || onSuccess is null) return null;
        return new NotificationsSpec { Emails = emails, NotifyOnSuccess = onSuccess.Value };
    }
}
