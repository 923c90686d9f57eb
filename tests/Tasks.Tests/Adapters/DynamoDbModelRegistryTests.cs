using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using TrainingOrchestration.Tasks.Adapters;
using TrainingOrchestration.Tasks.Ports;
using TrainingOrchestration.Tasks.Tests.Support;

namespace TrainingOrchestration.Tasks.Tests.Adapters;

/// <summary>The items the registry reads and writes, checked against WORKFLOW.md's table layout.</summary>
public sealed class DynamoDbModelRegistryTests
{
    [Fact]
    public async Task A_candidate_is_written_as_the_model_item_with_a_map_of_numbers()
    {
        var (client, stub) = StubClient<IAmazonDynamoDB>.Create((_, _) => new PutItemResponse());

        await new DynamoDbModelRegistry(client, "churn-table").RecordCandidateAsync(new ModelRecord
        {
            Pipeline = "churn",
            RunId = "20261123T1300-a1b2c3",
            Artifact = "s3://b/models/raw/churn/j/output/model.tar.gz",
            Metrics = new Dictionary<string, double> { ["auc"] = 0.8125, ["log_loss"] = 0.4 },
            Decision = "PROMOTE",
            EvaluatedAt = new DateTimeOffset(2026, 11, 23, 14, 0, 0, TimeSpan.Zero),
        });

        var put = (PutItemRequest)Assert.Single(stub.Calls).Request!;
        Assert.Equal("churn-table", put.TableName);
        Assert.Equal("PIPELINE#churn#MODEL", put.Item["pk"].S);
        Assert.Equal("MODEL#20261123T1300-a1b2c3", put.Item["sk"].S);
        Assert.Equal("CANDIDATE", put.Item["status"].S);
        Assert.Equal("0.8125", put.Item["metrics"].M["auc"].N);
        Assert.Equal("s3://b/models/raw/churn/j/output/model.tar.gz", put.Item["artifact"].S);
        Assert.Equal("2026-11-23T14:00:00.0000000Z", put.Item["evaluatedAt"].S);
        Assert.False(put.Item.ContainsKey("reason"));
    }

    [Fact]
    public async Task The_champion_is_read_consistently_with_metrics_as_a_map()
    {
        var (client, stub) = StubClient<IAmazonDynamoDB>.Create((_, _) => new GetItemResponse
        {
            Item = new Dictionary<string, AttributeValue>
            {
                ["pk"] = new() { S = "PIPELINE#churn" },
                ["sk"] = new() { S = "CHAMPION" },
                ["runId"] = new() { S = "20261101T0000-abcdef" },
                ["metrics"] = new() { M = new Dictionary<string, AttributeValue> { ["auc"] = new() { N = "0.81" } } },
                ["primaryMetric"] = new() { S = "auc" },
                ["promotedAt"] = new() { S = "2026-11-01T00:05:00Z" },
            },
        });

        var champion = await new DynamoDbModelRegistry(client, "churn-table").GetChampionAsync("churn");

        var get = (GetItemRequest)Assert.Single(stub.Calls).Request!;
        Assert.True(get.ConsistentRead);
        Assert.Equal("PIPELINE#churn", get.Key["pk"].S);
        Assert.Equal("CHAMPION", get.Key["sk"].S);
        Assert.Equal("20261101T0000-abcdef", champion!.RunId);
        Assert.Equal(0.81, champion.Metrics["auc"]);
        Assert.Equal(new DateTimeOffset(2026, 11, 1, 0, 5, 0, TimeSpan.Zero), champion.PromotedAt);
    }

    [Fact]
    public async Task Champion_metrics_written_by_the_state_machine_as_a_json_string_are_read()
    {
        var (client, _) = StubClient<IAmazonDynamoDB>.Create((_, _) => new GetItemResponse
        {
            Item = new Dictionary<string, AttributeValue>
            {
                ["runId"] = new() { S = "r1" },
                ["metrics"] = new() { S = """{"auc":0.79,"f1":"0.5"}""" },
            },
        });

        var champion = await new DynamoDbModelRegistry(client, "t").GetChampionAsync("churn");

        Assert.Equal(new Dictionary<string, double> { ["auc"] = 0.79, ["f1"] = 0.5 }, champion!.Metrics);
    }

    [Fact]
    public async Task No_champion_item_means_no_champion()
    {
        var (client, _) = StubClient<IAmazonDynamoDB>.Create((_, _) => new GetItemResponse());

        Assert.Null(await new DynamoDbModelRegistry(client, "t").GetChampionAsync("churn"));
    }
}
