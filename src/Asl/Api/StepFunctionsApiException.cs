namespace TrainingOrchestration.Asl;

/// <summary>An error of the Step Functions API, named as AWS names it (<c>ExecutionAlreadyExists</c>, <c>TaskTimedOut</c>, <c>InvalidToken</c>...).</summary>
public sealed class StepFunctionsApiException(string errorCode, string message) : Exception(message)
{
    public string ErrorCode { get; } = errorCode;
}
