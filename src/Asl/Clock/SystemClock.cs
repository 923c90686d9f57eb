namespace TrainingOrchestration.Asl;

/// <summary>Real time: waits and back-off really wait.</summary>
public sealed class SystemClock : IClock
{
    public static SystemClock Instance { get; } = new();

    public DateTimeOffset UtcNow => DateTimeOffset.UtcNow;

    public Task DelayUntil(DateTimeOffset due, CancellationToken cancellationToken)
    {
        var delay = due - DateTimeOffset.UtcNow;
        return delay <= TimeSpan.Zero ? Task.CompletedTask : Task.Delay(delay, cancellationToken);
    }
}
