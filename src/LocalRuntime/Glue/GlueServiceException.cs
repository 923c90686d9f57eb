namespace TrainingOrchestration.LocalRuntime.Glue;

/// <summary>An error the Glue API itself returns (not a failed job run), with Glue's exception name.</summary>
public sealed class GlueServiceException(string errorCode, string message) : Exception(message)
{
    /// <summary>Glue's exception name, e.g. <c>EntityNotFoundException</c>; Step Functions reports <c>Glue.&lt;name&gt;</c>.</summary>
    public string ErrorCode { get; } = errorCode;
}
