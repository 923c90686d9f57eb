using Amazon.DynamoDBv2;
using Amazon.Runtime;

namespace TrainingOrchestration.LocalRuntime.DynamoDb;

/// <summary>An SDK client pointed at a local DynamoDB endpoint with dummy credentials (dynalite checks none).</summary>
public static class LocalDynamoDbClient
{
    public static AmazonDynamoDBClient Create(string endpoint, string region = "us-east-1") =>
        new(new BasicAWSCredentials("local", "local"), new AmazonDynamoDBConfig
        {
            ServiceURL = endpoint,
            AuthenticationRegion = region,
            MaxErrorRetry = 2,
        });
}
