namespace TrainingOrchestration.LocalRuntime.SageMaker;

/// <summary>
/// An error the SageMaker API returns to the caller (as opposed to a job that fails later), with SageMaker's error
/// code: <c>ValidationException</c>, <c>ResourceInUse</c>, <c>ResourceNotFound</c>, <c>ResourceLimitExceeded</c>.
/// </summary>
public sealed class SageMakerServiceException(string errorCode, string message) : Exception(message)
{
    public string ErrorCode { get; } = errorCode;

    public static SageMakerServiceException Validation(string message) => new("ValidationException", message);

    /// <summary>What SageMaker actually answers for an unknown training job: a ValidationException, not ResourceNotFound.</summary>
    public static SageMakerServiceException NotFound() => new("ValidationException", "Requested resource not found.");
}
