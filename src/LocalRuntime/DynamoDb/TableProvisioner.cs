using System.Text.Json;
using System.Text.Json.Nodes;
using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;

namespace TrainingOrchestration.LocalRuntime.DynamoDb;

/// <summary>
/// Creates the template's <c>AWS::DynamoDB::Table</c>s in the local DynamoDB (key schema, attribute definitions,
/// secondary indexes); a table that already exists (a reused workspace) is left as it is, with its data.
/// </summary>
public static class TableProvisioner
{
    private static readonly string[] CreateTableFields = ["KeySchema", "AttributeDefinitions", "GlobalSecondaryIndexes", "LocalSecondaryIndexes"];

    public static async Task EnsureTableAsync(IAmazonDynamoDB client, string tableName, JsonObject properties, CancellationToken cancellationToken = default)
    {
        var request = new JsonObject { ["TableName"] = tableName, ["BillingMode"] = "PAY_PER_REQUEST" };
        foreach (var field in CreateTableFields)
        {
            if (properties[field] is JsonArray value) request[field] = Strip(value);
        }
        var create = request.Deserialize<CreateTableRequest>(DynamoDbJson.Options)!;
        try
        {
            await client.CreateTableAsync(create, cancellationToken);
        }
        catch (ResourceInUseException)
        {
            // Already there from an earlier run in this workspace.
        }
    }

    /// <summary>Keeps the fields CreateTable takes from CloudFormation's index definitions (drops e.g. ContributorInsightsSpecification).</summary>
    private static JsonArray Strip(JsonArray items)
    {
        var allowed = new HashSet<string> { "IndexName", "KeySchema", "Projection", "AttributeName", "AttributeType", "KeyType" };
        var result = new JsonArray();
        foreach (var item in items.OfType<JsonObject>())
        {
            var copy = new JsonObject();
            foreach (var (key, value) in item)
            {
                if (allowed.Contains(key)) copy[key] = value?.DeepClone();
            }
            result.Add(copy);
        }
        return result;
    }
}
