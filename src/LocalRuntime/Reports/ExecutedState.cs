namespace TrainingOrchestration.LocalRuntime.Reports;

/// <summary>A state of the execution: when it was entered and left, and the error when it failed.</summary>
public sealed record ExecutedState(string Name, string Type, DateTimeOffset EnteredAt, DateTimeOffset? ExitedAt, string? Error = null)
{
    public TimeSpan? Duration => ExitedAt - EnteredAt;
}
