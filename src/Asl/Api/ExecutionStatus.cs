namespace TrainingOrchestration.Asl;

/// <summary>DescribeExecution's status (serialized in upper case as AWS does: RUNNING, SUCCEEDED...).</summary>
public enum ExecutionStatus
{
    Running,
    Succeeded,
    Failed,
    TimedOut,
    Aborted,
    PendingRedrive,
}
