using System.Globalization;
using System.Text.Json;
using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using TrainingOrchestration.Contracts.Profiles;
using TrainingOrchestration.Contracts.Validation;
using TrainingOrchestration.Tasks.Ports;
using TrainingOrchestration.Pipelines.Conventions;

namespace TrainingOrchestration.Tasks.Validation;

/// <summary>
/// <see cref="IValidationLedger"/> on the pipeline's single table (WORKFLOW.md item layout): the outcome and the run's
/// profile go to the validation partition, the only one this Lambda may write; the accepted profile is read from the
/// pipeline's own partition, where only the workflow writes it.
/// </summary>
public sealed class DynamoDbValidationLedger(IAmazonDynamoDB dynamoDb, string tableName) : IValidationLedger
{
    public async Task<TableProfile?> GetAcceptedProfileAsync(string pipeline, CancellationToken cancellationToken = default)
    {
        var response = await dynamoDb.GetItemAsync(new GetItemRequest
        {
            TableName = tableName,
            Key = Key(TableKeys.Pipeline(pipeline), TableKeys.AcceptedProfileSortKey),
            ConsistentRead = true,
        }, cancellationToken).ConfigureAwait(false);
        if (response.Item is null || !response.Item.TryGetValue("profile", out var profile) || profile.S is null) return null;
        return ProfileSerializer.Deserialize(profile.S);
    }

    public Task RecordOutcomeAsync(string pipeline, string runId, ValidationOutcome outcome, DateTimeOffset at, CancellationToken cancellationToken = default)
    {
        var item = Key(TableKeys.ValidationPartition(pipeline), TableKeys.Validation(runId));
        item["runId"] = new AttributeValue { S = runId };
        item["passed"] = new AttributeValue { BOOL = outcome.Passed };
        item["summary"] = new AttributeValue { S = outcome.Summary };
        item["rowCount"] = new AttributeValue { N = outcome.RowCount.ToString(CultureInfo.InvariantCulture) };
        item["contractVersion"] = new AttributeValue { S = outcome.ContractVersion };
        item["validatedAt"] = new AttributeValue { S = at.ToString("O", CultureInfo.InvariantCulture) };
        // The profile is stored once, on acceptance; the outcome keeps the rules, counts and examples.
        item["outcome"] = new AttributeValue { S = JsonSerializer.Serialize(outcome with { Profile = null }, ValidationJsonContext.Default.ValidationOutcome) };
        return dynamoDb.PutItemAsync(new PutItemRequest { TableName = tableName, Item = item }, cancellationToken);
    }

    public Task RecordProfileAsync(string pipeline, string runId, TableProfile profile, DateTimeOffset at, CancellationToken cancellationToken = default)
    {
        var item = Key(TableKeys.ValidationPartition(pipeline), TableKeys.Profile(runId));
        item["runId"] = new AttributeValue { S = runId };
        item["profile"] = new AttributeValue { S = ProfileSerializer.Serialize(profile) };
        item["rowCount"] = new AttributeValue { N = profile.RowCount.ToString(CultureInfo.InvariantCulture) };
        item["profiledAt"] = new AttributeValue { S = at.ToString("O", CultureInfo.InvariantCulture) };
        return dynamoDb.PutItemAsync(new PutItemRequest { TableName = tableName, Item = item }, cancellationToken);
    }

    private static Dictionary<string, AttributeValue> Key(string partition, string sortKey) => new()
    {
        [TableKeys.PartitionKey] = new AttributeValue { S = partition },
        [TableKeys.SortKey] = new AttributeValue { S = sortKey },
    };
}
