using TrainingOrchestration.Asl;

namespace TrainingOrchestration.LocalRuntime.Faults;

/// <summary>
/// The error name and cause Step Functions reports when a service answers an error, per integration: the optimized
/// integrations and the AWS SDK integrations (<c>aws-sdk:&lt;service&gt;:*</c>) each through an <see cref="IntegrationErrors"/>
/// table. One table for the stand-ins and for
/// <see cref="ServiceFaults"/>; src/StateMachine/WORKFLOW.md ("Error names") gives the AWS page for each row.
/// </summary>
public static class AwsErrorNames
{
    public static readonly IntegrationErrors SageMaker = new("SageMaker", "AmazonSageMaker", "AmazonSageMakerException",
        IntegrationErrors.Suffixed("ResourceInUse", "ResourceLimitExceeded", "ResourceNotFound"));

    public static readonly IntegrationErrors Glue = new("Glue", "AWSGlue", "AWSGlueException",
        IntegrationErrors.Same("AccessDeniedException", "ConcurrentRunsExceededException", "EntityNotFoundException",
            "InternalServiceException", "InvalidInputException", "OperationTimeoutException", "ResourceNumberLimitExceededException"));

    public static readonly IntegrationErrors DynamoDb = new("DynamoDB", "AmazonDynamoDBv2", "AmazonDynamoDBException",
        new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["ConditionalCheckFailedException"] = "ConditionalCheckFailedException",
            ["ProvisionedThroughputExceededException"] = "ProvisionedThroughputExceededException",
            ["RequestLimitExceeded"] = "RequestLimitExceededException",
            ["InternalServerError"] = "InternalServerErrorException",
            ["ResourceNotFoundException"] = "ResourceNotFoundException",
        });

    public static readonly IntegrationErrors Lambda = new("Lambda", "AWSLambda", "AWSLambdaException",
        IntegrationErrors.Same("TooManyRequestsException", "ServiceException", "ResourceNotFoundException",
            "InvalidParameterValueException", "SdkClientException", "ClientExecutionTimeoutException"));

    public static readonly IntegrationErrors Sns = new("SNS", "AmazonSNS", "AmazonSNSException",
        IntegrationErrors.Suffixed("Throttled", "InternalError", "KMSThrottling", "NotFound", "InvalidParameter", "AuthorizationError"));

    /// <summary>Also <c>EventBridge.FailedEntry</c>: the optimized putEvents fails the task when FailedEntryCount is not 0.</summary>
    public static readonly IntegrationErrors EventBridge = new("EventBridge", "AmazonEventBridge", "AmazonEventBridgeException",
        IntegrationErrors.Of(IntegrationErrors.Suffixed("Internal"),
            new Dictionary<string, string> { [FailedEntry] = FailedEntry }));

    /// <summary>The code (and error name suffix) of a putEvents answer with failed entries.</summary>
    public const string FailedEntry = "FailedEntry";

    public static readonly IntegrationErrors StepFunctions = new("StepFunctions", "AWSStepFunctions", "AWSStepFunctionsException",
        IntegrationErrors.Suffixed("ExecutionAlreadyExists", "ExecutionLimitExceeded", "InvalidArn", "InvalidExecutionInput",
            "InvalidName", "StateMachineDoesNotExist"));

    // AWS SDK integrations: Step Functions' service spelling (DynamoDb, Sfn) and the SDK 2.x models of the actions used.
    public static readonly IntegrationErrors S3Sdk = new("S3", "S3", "S3Exception",
        IntegrationErrors.Suffixed("NoSuchKey", "NoSuchBucket"), SdkV2: true);

    public static readonly IntegrationErrors DynamoDbSdk = new("DynamoDb", "DynamoDb", "DynamoDbException",
        IntegrationErrors.Of(
            IntegrationErrors.Same("ConditionalCheckFailedException", "ProvisionedThroughputExceededException"),
            IntegrationErrors.Suffixed("RequestLimitExceeded", "InternalServerError")), SdkV2: true);

    public static readonly IntegrationErrors SfnSdk = new("Sfn", "Sfn", "SfnException",
        IntegrationErrors.Suffixed("ExecutionDoesNotExist", "InvalidArn", "InvalidToken", "TaskDoesNotExist", "TaskTimedOut", "InvalidOutput"), SdkV2: true);

    public static readonly IntegrationErrors SageMakerSdk = new("SageMaker", "SageMaker", "SageMakerException",
        IntegrationErrors.Suffixed("ResourceInUse", "ResourceLimitExceeded", "ResourceNotFound", "Conflict"), SdkV2: true);

    /// <summary>The AWS SDK integration's table for the SDK service of the Resource (<c>s3</c>, <c>dynamodb</c>, <c>sfn</c>, <c>sagemaker</c>).</summary>
    public static IntegrationErrors? AwsSdk(string service) => service switch
    {
        "s3" => S3Sdk,
        "dynamodb" => DynamoDbSdk,
        "sfn" => SfnSdk,
        "sagemaker" => SageMakerSdk,
        _ => null,
    };

    /// <summary>Every table: what the workflows' Retry and Catch may name (tests check them against it).</summary>
    public static IEnumerable<IntegrationErrors> All =>
        [SageMaker, Glue, DynamoDb, Lambda, Sns, EventBridge, StepFunctions, S3Sdk, DynamoDbSdk, SfnSdk, SageMakerSdk];

    /// <summary>The optimized integration's table for a service prefix of the Resource (<c>glue</c>, <c>sagemaker</c>...).</summary>
    public static IntegrationErrors? Optimized(string service) => service switch
    {
        "sagemaker" => SageMaker,
        "glue" => Glue,
        "dynamodb" => DynamoDb,
        "lambda" => Lambda,
        "sns" => Sns,
        "events" => EventBridge,
        "states" => StepFunctions,
        _ => null,
    };

    /// <summary>The error of <paramref name="integration"/> (<c>glue:startJobRun</c>, <c>aws-sdk:s3:copyObject</c>) answering <paramref name="code"/>.</summary>
    public static TaskFailedException For(string integration, string code, string message, int statusCode)
    {
        var parts = integration.Split(':');
        if (parts[0] == "aws-sdk" && parts.Length >= 2)
        {
            var sdk = AwsSdk(parts[1]) ?? throw new ArgumentException($"No error naming known for the integration {integration}.", nameof(integration));
            return new TaskFailedException(sdk.NameOf(code), sdk.CauseOf(code, message, statusCode));
        }

        var table = Optimized(parts[0]) ?? throw new ArgumentException($"No error naming known for the integration {integration}.", nameof(integration));
        return new TaskFailedException(table.NameOf(code), table.CauseOf(code, message, statusCode));
    }
}
