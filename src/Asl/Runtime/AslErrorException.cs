namespace TrainingOrchestration.Asl.Runtime;

/// <summary>A failure inside an execution, carried as AWS's (Error, Cause) pair so Retry and Catch can match it.</summary>
internal sealed class AslErrorException(string? error, string? cause) : Exception($"{error}: {cause}")
{
    /// <summary>Null only for a Fail state without Error, which no Retry or Catch can match.</summary>
    public string? Error { get; } = error;
    public string? Cause { get; } = cause;
}
