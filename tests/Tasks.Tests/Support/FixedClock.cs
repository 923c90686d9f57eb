namespace TrainingOrchestration.Tasks.Tests.Support;

/// <summary>A clock that always reads <see cref="Now"/>.</summary>
public sealed class FixedClock(DateTimeOffset now) : TimeProvider
{
    public DateTimeOffset Now { get; set; } = now;

    public override DateTimeOffset GetUtcNow() => Now;
}
