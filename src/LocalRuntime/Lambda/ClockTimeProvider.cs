using TrainingOrchestration.Asl;

namespace TrainingOrchestration.LocalRuntime.Lambda;

/// <summary>The runtime's virtual clock as a <see cref="TimeProvider"/>, so handlers stamp logs and metrics in its time.</summary>
public sealed class ClockTimeProvider(IClock clock) : TimeProvider
{
    public override DateTimeOffset GetUtcNow() => clock.UtcNow;
}
