namespace TrainingOrchestration.Asl;

/// <summary>
/// The engine's only source of time. Wait states, retry back-off, task timeouts and heartbeats all go
/// through it, so a <see cref="VirtualClock"/> makes them take no real time.
/// </summary>
public interface IClock
{
    DateTimeOffset UtcNow { get; }

    /// <summary>Completes when the clock reaches <paramref name="due"/> (immediately when it already has).</summary>
    Task DelayUntil(DateTimeOffset due, CancellationToken cancellationToken);
}
