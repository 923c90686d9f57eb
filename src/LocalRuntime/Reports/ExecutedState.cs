namespace TrainingOrchestration.LocalRuntime.Reports;

/// <summary>
/// A state of the execution: when it was entered and left, the error when it failed, and the real time of the work
/// behind it (<see cref="Work"/>: the Glue job, the training job) where the workflow's own clock shows none.
/// </summary>
public sealed record ExecutedState(string Name, string Type, DateTimeOffset EnteredAt, DateTimeOffset? ExitedAt, string? Error = null)
{
    public TimeSpan? Work { get; init; }

    public TimeSpan? Duration => ExitedAt - EnteredAt;
}
