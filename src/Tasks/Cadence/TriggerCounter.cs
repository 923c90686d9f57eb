namespace TrainingOrchestration.Tasks.Cadence;

/// <summary>
/// The trigger counter item after <c>CountChanges</c>: changes pending since the last run, when the oldest of them
/// arrived, when the last run started (null: never), and the generation that names the next run.
/// </summary>
public sealed record TriggerCounter(
    long PendingChanges,
    DateTimeOffset? FirstPendingAt,
    DateTimeOffset? LastRunStartedAt,
    long Generation)
{
    public static readonly TriggerCounter Empty = new(0, null, null, 0);
}
