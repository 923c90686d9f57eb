namespace TrainingOrchestration.Tasks.Configuration;

/// <summary>
/// A clock that reads <see cref="LambdaEnvironment.Clock"/> at each call, so a handler constructed once stamps each
/// invocation's logs and metrics with the time of its scope (the system clock on Lambda, the virtual clock locally).
/// </summary>
public sealed class AmbientClock : TimeProvider
{
    public static readonly AmbientClock Instance = new();

    private AmbientClock() { }

    public override DateTimeOffset GetUtcNow() => LambdaEnvironment.Clock.GetUtcNow();
}
