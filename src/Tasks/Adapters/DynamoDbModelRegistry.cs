using System.Globalization;
using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using TrainingOrchestration.Tasks.Ports;
using TrainingOrchestration.Pipelines.Conventions;

namespace TrainingOrchestration.Tasks.Adapters;

/// <summary>
/// <see cref="IModelRegistry"/> on the pipeline's single DynamoDB table (items as in WORKFLOW.md): CHAMPION is read from
/// the pipeline's own partition, where only the workflow writes; MODEL items go to the model partition, the only one
/// this Lambda may write.
/// </summary>
public sealed class DynamoDbModelRegistry(IAmazonDynamoDB dynamoDb, string tableName) : IModelRegistry
{
    public async Task<ChampionRecord?> GetChampionAsync(string pipeline, CancellationToken cancellationToken = default)
    {
        var response = await dynamoDb.GetItemAsync(new GetItemRequest
        {
            TableName = tableName,
            Key = Key(TableKeys.Pipeline(pipeline), TableKeys.ChampionSortKey),
            ConsistentRead = true,
        }, cancellationToken).ConfigureAwait(false);
        var item = response.Item;
        if (item is null || item.Count == 0 || !item.TryGetValue("runId", out var runId) || runId.S is null) return null;

        return new ChampionRecord(
            runId.S,
            StringOf(item, "artifact"),
            AttributeMaps.ReadMetrics(item.GetValueOrDefault("metrics")),
            StringOf(item, "primaryMetric"),
            StringOf(item, "promotedAt") is { } promoted &&
            DateTimeOffset.TryParse(promoted, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var at) ? at : null);
    }

    public async Task RecordCandidateAsync(ModelRecord model, CancellationToken cancellationToken = default)
    {
        var item = Key(TableKeys.ModelPartition(model.Pipeline), TableKeys.Model(model.RunId));
        item["pipeline"] = new AttributeValue { S = model.Pipeline };
        item["runId"] = new AttributeValue { S = model.RunId };
        item["status"] = new AttributeValue { S = model.Status };
        item["metrics"] = AttributeMaps.WriteMetrics(model.Metrics);
        item["evaluatedAt"] = new AttributeValue { S = model.EvaluatedAt.UtcDateTime.ToString("O", CultureInfo.InvariantCulture) };
        Put(item, "artifact", model.Artifact);
        Put(item, "metricsSource", model.MetricsSource);
        Put(item, "decision", model.Decision);
        Put(item, "reason", model.Reason);
        Put(item, "trainingJobName", model.TrainingJobName);
        await dynamoDb.PutItemAsync(new PutItemRequest { TableName = tableName, Item = item }, cancellationToken).ConfigureAwait(false);
    }

    private static Dictionary<string, AttributeValue> Key(string partition, string sortKey) => new()
    {
        [TableKeys.PartitionKey] = new AttributeValue { S = partition },
        [TableKeys.SortKey] = new AttributeValue { S = sortKey },
    };

    private static void Put(Dictionary<string, AttributeValue> item, string name, string? value)
    {
        if (!string.IsNullOrEmpty(value)) item[name] = new AttributeValue { S = value };
    }

    private static string? StringOf(Dictionary<string, AttributeValue> item, string name) =>
        item.TryGetValue(name, out var value) ? value.S : null;
}
