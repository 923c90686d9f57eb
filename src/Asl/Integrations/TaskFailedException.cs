namespace TrainingOrchestration.Asl;

/// <summary>Thrown by an integration to fail the task with an AWS error name and cause.</summary>
public sealed class TaskFailedException(string error, string? cause = null)
    : Exception($"{error}: {cause}")
{
    public string Error { get; } = error;
    public string? Cause { get; } = cause;
}
