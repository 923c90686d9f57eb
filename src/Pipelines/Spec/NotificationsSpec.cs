using System.Text.Json.Serialization;

namespace TrainingOrchestration.Pipelines.Spec;

/// <summary>
/// Who hears about runs. <see cref="Subscribers"/> receive the notifications topic (training started, outcomes,
/// failures, alarms); <see cref="Paging"/> receive the paging topic, which only critical pipelines have and which the
/// loader refuses to leave without a subscriber (a page nobody receives is no page).
/// </summary>
public sealed record NotificationsSpec
{
    public Subscribers Subscribers { get; init; } = new();
    public Subscribers Paging { get; init; } = new();
    public bool NotifyOnSuccess { get; init; } = true;

    /// <summary>Announce each run when it starts (after <c>RecordRunStarted</c>), not only its outcome.</summary>
    public bool NotifyOnStart { get; init; } = true;

    /// <summary>The notification topic's e-mail subscribers (kept as a shortcut: most pipelines only have these).</summary>
    [JsonIgnore]
    public IReadOnlyList<string> Emails => Subscribers.Emails;
}
