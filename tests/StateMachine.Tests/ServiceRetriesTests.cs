using Amazon.CDK.AWS.StepFunctions;

namespace TrainingOrchestration.StateMachine.Tests;

public class ServiceRetriesTests
{
    [Fact]
    public void Retries_back_off_twofold_with_a_cap_and_full_jitter()
    {
        var retry = ServiceRetries.For(ServiceRetries.DynamoDb, ServiceRetries.Lambda);

        Assert.Equal(2, retry.BackoffRate);
        Assert.Equal(JitterType.FULL, retry.JitterStrategy);
        Assert.Equal(60, retry.MaxDelay!.ToSeconds());
        Assert.Equal(ServiceRetries.MaxAttempts, retry.MaxAttempts);
    }

    [Fact]
    public void Retries_name_transient_errors_only_and_each_once()
    {
        var retry = ServiceRetries.For(ServiceRetries.DynamoDb, ServiceRetries.DynamoDb, ServiceRetries.SageMaker);

        Assert.Equal(retry.Errors!.Distinct(), retry.Errors);
        Assert.Contains("SageMaker.AmazonSageMakerException", retry.Errors!);
        Assert.DoesNotContain(Errors.ALL, retry.Errors!);
        Assert.DoesNotContain(Errors.TASKS_FAILED, retry.Errors!);
    }

    [Fact]
    public void Sdk_and_optimized_dynamodb_errors_use_their_own_prefixes()
    {
        Assert.All(ServiceRetries.DynamoDb, e => Assert.StartsWith("DynamoDB.", e));
        Assert.All(ServiceRetries.DynamoDbSdk, e => Assert.StartsWith("DynamoDb.", e));
    }
}
