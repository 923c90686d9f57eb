namespace TrainingOrchestration.LocalRuntime.SageMaker;

/// <summary>
/// How a response renders times: Step Functions' optimized integrations return epoch milliseconds, AWS SDK
/// integrations ISO 8601 strings, and SageMaker's EventBridge events epoch milliseconds as strings.
/// </summary>
public enum TimestampStyle
{
    EpochMilliseconds,
    Iso8601,
    EpochMillisecondsString,
}
