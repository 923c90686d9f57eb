using Amazon.CDK;
using Amazon.CDK.AWS.StepFunctions;

namespace TrainingOrchestration.StateMachine;

/// <summary>
/// Retry policies for every service a workflow calls. Only throttling and transient errors are retried, never
/// <c>States.TaskFailed</c> or <c>States.ALL</c>: a contract violation or a failed job must surface at once, while
/// a throttled API call should wait and try again. Back-off doubles up to a cap and uses full jitter so that many
/// executions retrying together do not stampede the service.
/// </summary>
public static class ServiceRetries
{
    public static readonly string[] Lambda =
    [
        "Lambda.ServiceException", "Lambda.AWSLambdaException", "Lambda.SdkClientException",
        "Lambda.TooManyRequestsException", "Lambda.ClientExecutionTimeoutException",
    ];

    /// <summary>The optimized DynamoDB integration (<c>arn:aws:states:::dynamodb:*</c>) names errors <c>DynamoDB.*</c>.</summary>
    public static readonly string[] DynamoDb =
    [
        "DynamoDB.ProvisionedThroughputExceededException", "DynamoDB.ThrottlingException",
        "DynamoDB.RequestLimitExceeded", "DynamoDB.InternalServerErrorException", "DynamoDB.AmazonDynamoDBException",
    ];

    /// <summary>The AWS SDK integration (<c>arn:aws:states:::aws-sdk:dynamodb:*</c>) names errors <c>DynamoDb.*</c>.</summary>
    public static readonly string[] DynamoDbSdk =
    [
        "DynamoDb.ProvisionedThroughputExceededException", "DynamoDb.ThrottlingException",
        "DynamoDb.RequestLimitExceededException", "DynamoDb.InternalServerErrorException",
    ];

    public static readonly string[] Glue =
    [
        "Glue.ConcurrentRunsExceededException", "Glue.ThrottlingException", "Glue.InternalServiceException",
        "Glue.OperationTimeoutException",
    ];

    public static readonly string[] SageMaker =
    [
        "SageMaker.ThrottlingException", "SageMaker.ResourceLimitExceeded", "SageMaker.InternalFailure",
        "SageMaker.ServiceUnavailable",
    ];

    public static readonly string[] S3 = ["S3.SlowDown", "S3.InternalError", "S3.ServiceUnavailable", "S3.S3Exception"];

    public static readonly string[] Sns = ["SNS.ThrottledException", "SNS.InternalErrorException", "SNS.KMSThrottlingException"];

    public static readonly string[] EventBridge = ["EventBridge.InternalException", "EventBridge.ThrottlingException"];

    /// <summary>The optimized Step Functions integration (<c>states:startExecution</c>).</summary>
    public static readonly string[] StepFunctions = ["StepFunctions.ThrottlingException", "StepFunctions.SdkClientException"];

    /// <summary>The AWS SDK integration for Step Functions (<c>aws-sdk:sfn:*</c>).</summary>
    public static readonly string[] StepFunctionsSdk = ["Sfn.ThrottlingException", "Sfn.SfnException"];

    public static readonly Duration FirstInterval = Duration.Seconds(2);
    public static readonly Duration MaxDelay = Duration.Seconds(60);
    public const int MaxAttempts = 6;

    /// <summary>Retry properties for the given transient errors: back-off rate 2, capped, full jitter.</summary>
    public static RetryProps For(params string[][] errorGroups) => new()
    {
        Errors = errorGroups.SelectMany(group => group).Distinct().ToArray(),
        Interval = FirstInterval,
        BackoffRate = 2,
        MaxAttempts = MaxAttempts,
        MaxDelay = MaxDelay,
        JitterStrategy = JitterType.FULL,
    };

    public static T Apply<T>(T task, params string[][] errorGroups) where T : TaskStateBase
    {
        task.AddRetry(For(errorGroups));
        return task;
    }
}
