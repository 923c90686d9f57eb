using System.Text.RegularExpressions;
using TrainingOrchestration.LocalRuntime.Faults;
using TrainingOrchestration.Pipelines.Conventions;

namespace TrainingOrchestration.LocalRuntime.Tests.Faults;

/// <summary>The names and causes Step Functions reports per integration (src/StateMachine/WORKFLOW.md, "Error names").</summary>
public sealed class AwsErrorNamesTests
{
    [Theory]
    [InlineData("sagemaker:createTrainingJob", "ThrottlingException", "SageMaker.AmazonSageMakerException")]
    [InlineData("sagemaker:createTrainingJob", "InternalFailure", "SageMaker.AmazonSageMakerException")]
    [InlineData("sagemaker:createTrainingJob", "ResourceLimitExceeded", "SageMaker.ResourceLimitExceededException")]
    [InlineData("sagemaker:createTransformJob", "ResourceInUse", "SageMaker.ResourceInUseException")]
    [InlineData("glue:startJobRun", "ThrottlingException", "Glue.AWSGlueException")]
    [InlineData("glue:startJobRun", "ConcurrentRunsExceededException", "Glue.ConcurrentRunsExceededException")]
    [InlineData("lambda:invoke", "TooManyRequestsException", "Lambda.TooManyRequestsException")]
    [InlineData("lambda:invoke", "ServiceException", "Lambda.ServiceException")]
    [InlineData("dynamodb:updateItem", "ProvisionedThroughputExceededException", "DynamoDB.ProvisionedThroughputExceededException")]
    [InlineData("dynamodb:updateItem", "RequestLimitExceeded", "DynamoDB.RequestLimitExceededException")]
    [InlineData("dynamodb:putItem", "ThrottlingException", "DynamoDB.AmazonDynamoDBException")]
    [InlineData("aws-sdk:dynamodb:putItem", "ProvisionedThroughputExceededException", "DynamoDb.ProvisionedThroughputExceededException")]
    [InlineData("aws-sdk:s3:copyObject", "NoSuchKey", "S3.NoSuchKeyException")]
    [InlineData("aws-sdk:s3:copyObject", "SlowDown", "S3.S3Exception")]
    [InlineData("aws-sdk:sfn:describeExecution", "ExecutionDoesNotExist", "Sfn.ExecutionDoesNotExistException")]
    [InlineData("aws-sdk:sfn:describeExecution", "ThrottlingException", "Sfn.SfnException")]
    [InlineData("aws-sdk:sagemaker:describeTrainingJob", "ThrottlingException", "SageMaker.SageMakerException")]
    [InlineData("sns:publish", "Throttled", "SNS.ThrottledException")]
    [InlineData("events:putEvents", "ThrottlingException", "EventBridge.AmazonEventBridgeException")]
    [InlineData("states:startExecution", "ExecutionLimitExceeded", "StepFunctions.ExecutionLimitExceededException")]
    [InlineData("states:startExecution", "ThrottlingException", "StepFunctions.AWSStepFunctionsException")]
    public void A_service_error_code_gets_the_name_Step_Functions_reports_for_that_integration(string integration, string code, string expected)
    {
        var error = AwsErrorNames.For(integration, code, "Rate exceeded", 400);

        Assert.Equal(expected, error.Error);
        Assert.StartsWith("Rate exceeded (Service: ", error.Cause, StringComparison.Ordinal);
    }

    [Fact]
    public void An_optimized_integration_keeps_the_service_code_in_the_cause_in_the_SDK_1_shape()
    {
        var error = AwsErrorNames.For("sagemaker:createTrainingJob", "ThrottlingException", "Rate exceeded", 400);

        Assert.Matches(@"^Rate exceeded \(Service: AmazonSageMaker; Status Code: 400; Error Code: ThrottlingException; Request ID: [0-9a-f-]{36}; Proxy: null\)$", error.Cause);
    }

    [Fact]
    public void An_AWS_SDK_integration_uses_the_SDK_2_cause_shape()
    {
        var error = AwsErrorNames.For("aws-sdk:s3:copyObject", "SlowDown", "Please reduce your request rate.", 503);

        Assert.Matches(@"^Please reduce your request rate\. \(Service: S3, Status Code: 503, Request ID: [0-9a-f-]{36}\)$", error.Cause);
    }

    [Fact]
    public void An_integration_without_a_naming_table_is_refused_rather_than_guessed()
    {
        Assert.Throws<ArgumentException>(() => AwsErrorNames.For("batch:submitJob", "ThrottlingException", "Rate exceeded", 400));
    }

    [Fact]
    public void Every_name_the_stand_ins_can_raise_is_in_the_WORKFLOW_md_table()
    {
        var workflow = File.ReadAllText(Path.Combine(RepositoryRoot.Find(AppContext.BaseDirectory), "src", "StateMachine", "WORKFLOW.md"));
        var table = workflow[workflow.IndexOf("## Error names", StringComparison.Ordinal)..];
        var documented = Regex.Matches(table, "`([A-Za-z0-9]+\\.[A-Za-z0-9]+)`").Select(m => m.Groups[1].Value).ToHashSet(StringComparer.Ordinal);

        var missing = AwsErrorNames.All.SelectMany(t => t.Names).Where(n => !documented.Contains(n)).ToList();

        Assert.True(missing.Count == 0, "Names the stand-ins raise but WORKFLOW.md does not list: " + string.Join(", ", missing));
    }
}
