namespace TrainingOrchestration.Pipelines.Spec;

/// <summary>Who hears about outcomes. Critical pipelines also page on failure.</summary>
public sealed record NotificationsSpec
{
    public IReadOnlyList<string> Emails { get; init; } = [];
    public bool NotifyOnSuccess { get; init; } = true;
}
