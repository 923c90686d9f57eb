namespace TrainingOrchestration.Asl;

/// <summary>DescribeExecution's answer. Input and Output are JSON text, as AWS returns them.</summary>
public sealed record ExecutionDescription(
    string ExecutionArn,
    string StateMachineArn,
    string Name,
    ExecutionStatus Status,
    DateTimeOffset StartDate,
    DateTimeOffset? StopDate,
    string Input,
    string? Output,
    string? Error,
    string? Cause,
    int RedriveCount,
    DateTimeOffset? RedriveDate)
{
    /// <summary>The status as AWS spells it: RUNNING, SUCCEEDED, FAILED, TIMED_OUT, ABORTED, PENDING_REDRIVE.</summary>
    public string StatusName => Status switch
    {
        ExecutionStatus.Running => "RUNNING",
        ExecutionStatus.Succeeded => "SUCCEEDED",
        ExecutionStatus.Failed => "FAILED",
        ExecutionStatus.TimedOut => "TIMED_OUT",
        ExecutionStatus.Aborted => "ABORTED",
        _ => "PENDING_REDRIVE",
    };
}
