using TrainingOrchestration.Pipelines.Spec;

namespace TrainingOrchestration.Pipelines.Loading;

/// <summary>
/// Reads <c>notifications</c>: the notification topic's subscribers (<c>emails</c>, <c>webhooks</c>, <c>slack</c>),
/// the paging topic's (<c>paging:</c> with the same keys), and which events are announced. A critical pipeline must name
/// at least one paging subscriber; an exploratory one has no paging topic, so it may not name any.
/// </summary>
internal static class NotificationsReader
{
    public static NotificationsSpec? Read(YamlSection root, PipelineTier? tier)
    {
        var notifications = root.Section("notifications", required: false, SpecKeys.Notifications);
        if (notifications is null && root.Has("notifications")) return null;
        if (notifications is null)
        {
            if (tier == PipelineTier.Critical) RefuseUnpaged(root, "notifications");
            return new NotificationsSpec();
        }
        var subscribers = SubscribersReader.Read(notifications);
        var pagingSection = notifications.Section("paging", required: false, SpecKeys.Subscribers);
        var paging = pagingSection is null ? new Subscribers() : SubscribersReader.Read(pagingSection);
        if (pagingSection is null && notifications.Has("paging")) return null;
        if (tier == PipelineTier.Critical && paging is { Count: 0 }) RefuseUnpaged(notifications, "paging");
        if (tier == PipelineTier.Exploratory && paging is { Count: > 0 })
            notifications.Error("paging", "an exploratory pipeline has no paging topic, so these subscribers would never hear anything.",
                "Move them to the notifications topic (emails/webhooks/slack directly under 'notifications'), or make the pipeline 'tier: critical'.");
        var onSuccess = notifications.Has("notifyOnSuccess") ? notifications.Bool("notifyOnSuccess", required: true) : true;
        var onStart = notifications.Has("notifyOnStart") ? notifications.Bool("notifyOnStart", required: true) : true;
        if (subscribers is null || paging is null || onSuccess is null || onStart is null) return null;
        return new NotificationsSpec { Subscribers = subscribers, Paging = paging, NotifyOnSuccess = onSuccess.Value, NotifyOnStart = onStart.Value };
    }

    private static void RefuseUnpaged(YamlSection section, string key) => section.Error(key,
        "a critical pipeline pages on failure, but its paging topic has no subscriber.",
        "Add 'paging:' under 'notifications' with at least one of emails, webhooks (e.g. PagerDuty's https://events.pagerduty.com/integration/<key>/enqueue) "
        + "or slack (WORKSPACE_ID/CHANNEL_ID), or make the pipeline 'tier: exploratory'.");
}
