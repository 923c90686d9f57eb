namespace TrainingOrchestration.LocalRuntime.Faults;

/// <summary>
/// An error a service answers instead of doing the work, injected into the local cloud for the next
/// <paramref name="Times"/> calls of one integration, as AWS would answer when throttling or out of capacity.
/// </summary>
/// <param name="Integration">
/// The integration as the Task's Resource names it after <c>arn:aws:states:::</c>, without the pattern suffix:
/// <c>glue:startJobRun</c>, <c>sagemaker:createTrainingJob</c>, <c>lambda:invoke</c> (also bare function ARNs),
/// <c>dynamodb:updateItem</c>, <c>aws-sdk:s3:copyObject</c>, <c>sns:publish</c>, <c>events:putEvents</c>,
/// <c>states:startExecution</c>.
/// </param>
/// <param name="Code">The service's own error code, e.g. <c>ThrottlingException</c>, <c>ResourceLimitExceeded</c>, <c>SlowDown</c>.</param>
/// <param name="Message">The service's message, e.g. <c>Rate exceeded</c>.</param>
/// <param name="StatusCode">The HTTP status the service answers with (400 for throttling on most JSON services, 503 for S3 SlowDown).</param>
/// <param name="Times">How many calls fail before the integration works again.</param>
public sealed record ServiceFault(string Integration, string Code, string Message = "Rate exceeded", int StatusCode = 400, int Times = 1)
{
    /// <summary>Only calls from this Task state fail (two states may use one integration, e.g. both Lambda Tasks); null: any state.</summary>
    public string? State { get; init; }

    /// <summary>The integration key of a Task Resource: <c>arn:aws:states:::glue:startJobRun.sync</c> → <c>glue:startJobRun</c>.</summary>
    public static string IntegrationOf(string resource)
    {
        const string marker = ":states:::";
        var at = resource.IndexOf(marker, StringComparison.Ordinal);
        if (at < 0)
        {
            return resource.Contains(":lambda:", StringComparison.Ordinal) ? "lambda:invoke" : resource;
        }

        var key = resource[(at + marker.Length)..];
        foreach (var suffix in new[] { ".sync:2", ".sync", ".waitForTaskToken" })
        {
            if (key.EndsWith(suffix, StringComparison.Ordinal)) return key[..^suffix.Length];
        }

        return key;
    }
}
