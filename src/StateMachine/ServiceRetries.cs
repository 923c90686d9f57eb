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
    // Only names the integrations really raise (WORKFLOW.md "Error names", each row with its AWS page): the optimized
    // integrations report the AWS SDK for Java 1.x exception, so throttling on Glue, SageMaker, DynamoDB, EventBridge and
    // Step Functions arrives as the service's base exception with the code in the cause; AWS SDK integrations name
    // errors <Service>.<Name>Exception and unmodelled codes <Service>.<Service>Exception. Tests check every Retry and
    // Catch name of the synthesized workflows against the table.

    /// <summary>Lambda's transient service errors (docs: step-functions/latest/dg/bp-lambda-serviceexception.html).</summary>
    public static readonly string[] Lambda =
    [
        "Lambda.ServiceException", "Lambda.AWSLambdaException", "Lambda.SdkClientException",
        "Lambda.TooManyRequestsException", "Lambda.ClientExecutionTimeoutException",
    ];

    /// <summary>The optimized DynamoDB integration (<c>arn:aws:states:::dynamodb:*</c>) names errors <c>DynamoDB.*</c>.</summary>
    public static readonly string[] DynamoDb =
    [
        "DynamoDB.ProvisionedThroughputExceededException", "DynamoDB.RequestLimitExceededException",
        "DynamoDB.InternalServerErrorException", "DynamoDB.AmazonDynamoDBException",
    ];

    /// <summary>The AWS SDK integration (<c>arn:aws:states:::aws-sdk:dynamodb:*</c>) names errors <c>DynamoDb.*</c>.</summary>
    public static readonly string[] DynamoDbSdk =
    [
        "DynamoDb.ProvisionedThroughputExceededException", "DynamoDb.RequestLimitExceededException",
        "DynamoDb.InternalServerErrorException", "DynamoDb.DynamoDbException",
    ];

    /// <summary><c>glue:startJobRun(.sync)</c>: throttling is <c>Glue.AWSGlueException</c> (ThrottlingException in the cause).</summary>
    public static readonly string[] Glue =
    [
        "Glue.AWSGlueException", "Glue.ConcurrentRunsExceededException", "Glue.InternalServiceException", "Glue.OperationTimeoutException",
    ];

    /// <summary>The optimized SageMaker integrations: throttling and internal errors are <c>SageMaker.AmazonSageMakerException</c>.</summary>
    public static readonly string[] SageMaker = ["SageMaker.AmazonSageMakerException", "SageMaker.ResourceLimitExceededException"];

    /// <summary><c>aws-sdk:sagemaker:*</c>: throttling is unmodelled in the SDK, so <c>SageMaker.SageMakerException</c>.</summary>
    public static readonly string[] SageMakerSdk = ["SageMaker.SageMakerException"];

    /// <summary><c>aws-sdk:s3:*</c>: SlowDown and InternalError are unmodelled, so <c>S3.S3Exception</c>.</summary>
    public static readonly string[] S3 = ["S3.S3Exception"];

    public static readonly string[] Sns = ["SNS.ThrottledException", "SNS.InternalErrorException", "SNS.KMSThrottlingException"];

    public static readonly string[] EventBridge = ["EventBridge.AmazonEventBridgeException", "EventBridge.InternalException"];

    /// <summary>The optimized Step Functions integration (<c>states:startExecution</c>).</summary>
    public static readonly string[] StepFunctions = ["StepFunctions.AWSStepFunctionsException", "StepFunctions.ExecutionLimitExceededException"];

    /// <summary>The AWS SDK integration for Step Functions (<c>aws-sdk:sfn:*</c>).</summary>
    public static readonly string[] StepFunctionsSdk = ["Sfn.SfnException"];

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

    /// <summary>
    /// The same retrier as ASL JSON, for a state CDK does not build (a Distributed Map's child state in a CustomState).
    /// </summary>
    public static Dictionary<string, object> Json(params string[][] errorGroups)
    {
        var retry = For(errorGroups);
        return new Dictionary<string, object>
        {
            ["ErrorEquals"] = retry.Errors!,
            ["IntervalSeconds"] = retry.Interval!.ToSeconds(),
            ["MaxAttempts"] = retry.MaxAttempts!,
            ["BackoffRate"] = retry.BackoffRate!,
            ["MaxDelaySeconds"] = retry.MaxDelay!.ToSeconds(),
            ["JitterStrategy"] = retry.JitterStrategy!.ToString()!,
        };
    }

    public static T Apply<T>(T task, params string[][] errorGroups) where T : TaskStateBase
    {
        task.AddRetry(For(errorGroups));
        return task;
    }
}
