namespace TrainingOrchestration.LocalRuntime.Lambda;

/// <summary>
/// A recorded invocation: which function, how long, whether it failed, and its log stream as CloudWatch Logs would hold
/// it (console lines formatted by the runtime for the log format, raw standard output as written).
/// </summary>
public sealed record LambdaInvocation(string Function, string RequestId, DateTimeOffset Started, TimeSpan Duration, string? FunctionError, string Log)
{
    public int MemorySizeMb { get; init; } = 128;

    /// <summary>The <c>runId</c> of the payload, when it had one (which run the invocation worked for).</summary>
    public string? RunId { get; init; }

    /// <summary>Billed duration rounded up to the millisecond, times memory in GB (Lambda's GB-seconds).</summary>
    public double GbSeconds => Math.Ceiling(Duration.TotalMilliseconds) / 1000.0 * MemorySizeMb / 1024.0;
}
