namespace TrainingOrchestration.Asl.Definition;

/// <summary>One Retry entry, with AWS's defaults (1 s interval, 3 attempts, back-off 2, no jitter).</summary>
internal sealed record RetrierSpec(
    IReadOnlyList<string> ErrorEquals,
    int IntervalSeconds,
    int MaxAttempts,
    double BackoffRate,
    int? MaxDelaySeconds,
    bool FullJitter);
