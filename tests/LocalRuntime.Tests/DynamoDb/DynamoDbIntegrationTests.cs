using System.Text.Json.Nodes;
using TrainingOrchestration.Asl;
using TrainingOrchestration.LocalRuntime.DynamoDb;

namespace TrainingOrchestration.LocalRuntime.Tests.DynamoDb;

/// <summary>The native DynamoDB integrations against a real dynalite, with the workflows' condition expressions.</summary>
public sealed class DynamoDbIntegrationTests : IAsyncLifetime
{
    private DynaliteServer _server = null!;
    private Amazon.DynamoDBv2.AmazonDynamoDBClient _client = null!;
    private DynamoDbIntegration _integration = null!;

    public async Task InitializeAsync()
    {
        _server = await DynaliteServer.StartAsync(dataDirectory: null);
        _client = LocalDynamoDbClient.Create(_server.Endpoint);
        await TableProvisioner.EnsureTableAsync(_client, "runs", JsonNode.Parse("""
            {"KeySchema":[{"AttributeName":"pk","KeyType":"HASH"},{"AttributeName":"sk","KeyType":"RANGE"}],
             "AttributeDefinitions":[{"AttributeName":"pk","AttributeType":"S"},{"AttributeName":"sk","AttributeType":"S"}],
             "BillingMode":"PAY_PER_REQUEST"}
            """)!.AsObject());
        _integration = new DynamoDbIntegration(_client);
    }

    public async Task DisposeAsync()
    {
        _client.Dispose();
        await _server.DisposeAsync();
    }

    private const string AcquireLock = """
        {"TableName":"runs","Key":{"pk":{"S":"PIPELINE#churn"},"sk":{"S":"LOCK"}},
         "UpdateExpression":"SET holder = :me, expiresAt = :exp",
         "ConditionExpression":"attribute_not_exists(holder) OR expiresAt < :now",
         "ExpressionAttributeValues":{":me":{"S":"exec-1"},":exp":{"N":"2000"},":now":{"N":"1000"}},
         "ReturnValues":"ALL_NEW"}
        """;

    [Fact]
    public async Task Optimized_update_returns_the_attributes_and_sdk_metadata()
    {
        var result = await _integration.InvokeAsync(TaskRequests.For("arn:aws:states:::dynamodb:updateItem", AcquireLock), default);

        Assert.Equal("exec-1", result!["Attributes"]!["holder"]!["S"]!.GetValue<string>());
        Assert.Equal("2000", result["Attributes"]!["expiresAt"]!["N"]!.GetValue<string>());
        Assert.Equal(200, result["SdkHttpMetadata"]!["HttpStatusCode"]!.GetValue<int>());
        Assert.Null(result["ResponseMetadata"]);
    }

    [Fact]
    public async Task Failed_condition_on_the_optimized_integration_is_DynamoDB_ConditionalCheckFailedException()
    {
        await _integration.InvokeAsync(TaskRequests.For("arn:aws:states:::dynamodb:updateItem", AcquireLock), default);

        var error = await Assert.ThrowsAsync<TaskFailedException>(() =>
            _integration.InvokeAsync(TaskRequests.For("arn:aws:states:::dynamodb:updateItem", AcquireLock), default));

        Assert.Equal("DynamoDB.ConditionalCheckFailedException", error.Error);
        Assert.Contains("ConditionalCheckFailedException", error.Cause);
    }

    [Fact]
    public async Task Failed_condition_on_the_sdk_integration_is_DynamoDb_ConditionalCheckFailedException()
    {
        var put = """{"TableName":"runs","Item":{"pk":{"S":"TOKEN#job"},"sk":{"S":"TOKEN"},"n":{"N":"1"},"m":{"M":{"a":{"L":[{"BOOL":true},{"NULL":true}]}}}},"ConditionExpression":"attribute_not_exists(pk)"}""";
        await _integration.InvokeAsync(TaskRequests.For("arn:aws:states:::aws-sdk:dynamodb:putItem", put), default);

        var error = await Assert.ThrowsAsync<TaskFailedException>(() =>
            _integration.InvokeAsync(TaskRequests.For("arn:aws:states:::aws-sdk:dynamodb:putItem", put), default));

        Assert.Equal("DynamoDb.ConditionalCheckFailedException", error.Error);
    }

    [Fact]
    public async Task Get_item_returns_the_item_in_the_api_json_shape_and_nothing_when_missing()
    {
        var put = """{"TableName":"runs","Item":{"pk":{"S":"P"},"sk":{"S":"S"},"m":{"M":{"a":{"L":[{"BOOL":true},{"NULL":true},{"SS":["x"]}]}}}}}""";
        await _integration.InvokeAsync(TaskRequests.For("arn:aws:states:::dynamodb:putItem", put), default);

        var found = await _integration.InvokeAsync(TaskRequests.For("arn:aws:states:::dynamodb:getItem", """{"TableName":"runs","Key":{"pk":{"S":"P"},"sk":{"S":"S"}}}"""), default);
        var missing = await _integration.InvokeAsync(TaskRequests.For("arn:aws:states:::dynamodb:getItem", """{"TableName":"runs","Key":{"pk":{"S":"P"},"sk":{"S":"none"}}}"""), default);

        Assert.Equal("""{"a":{"L":[{"BOOL":true},{"NULL":true},{"SS":["x"]}]}}""", found!["Item"]!["m"]!["M"]!.ToJsonString());
        Assert.Null(missing!["Item"]);
    }

    [Fact]
    public async Task Sdk_query_returns_items_and_count_without_sdk_metadata()
    {
        await _integration.InvokeAsync(TaskRequests.For("arn:aws:states:::dynamodb:putItem", """{"TableName":"runs","Item":{"pk":{"S":"Q"},"sk":{"S":"RUN#1"}}}"""), default);

        var result = await _integration.InvokeAsync(TaskRequests.For("arn:aws:states:::aws-sdk:dynamodb:query",
            """{"TableName":"runs","KeyConditionExpression":"pk = :p","ExpressionAttributeValues":{":p":{"S":"Q"}}}"""), default);

        Assert.Equal(1, result!["Count"]!.GetValue<int>());
        Assert.Null(result["SdkHttpMetadata"]);
    }
}
