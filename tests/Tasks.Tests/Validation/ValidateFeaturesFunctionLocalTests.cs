using TrainingOrchestration.LocalRuntime.Lambda;
using System.Text;
using System.Text.Json;
using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using Amazon.Runtime;
using TrainingOrchestration.Tasks.Configuration;
using TrainingOrchestration.Tasks.Tests.Support;
using TrainingOrchestration.Tasks.Validation;

namespace TrainingOrchestration.Tasks.Tests.Validation;

/// <summary>
/// The validation handler built as the local runtime builds it (parameterless, contract text from PIPELINE_CONFIG,
/// its local object store and a dynalite client) against a real DynamoDB-compatible server: outcome items, the accepted
/// profile, and the next run's drift against it.
/// </summary>
public sealed class ValidateFeaturesFunctionLocalTests
{
    private const string Table = "churn-table";
    private const string Bucket = "churn-bucket";
    private const string Contract = """
        contract: churn-local
        version: "3"
        columns:
          - { name: customer_id, type: string }
          - { name: churn, type: integer }
          - { name: monthly_charges, type: decimal }
          - { name: split, type: string }
        rules:
          - { check: primary_key, column: customer_id }
          - { check: allowed_values, column: churn, values: [0, 1] }
          - { check: drift, column: monthly_charges, maxPsi: 0.25 }
          - { check: row_count_change, maxDecrease: 0.5 }
        """;

    private static string Rows(int n, double shift) =>
        "customer_id,churn,monthly_charges,split\n" +
        string.Concat(Enumerable.Range(1, n).Select(i => $"C{i:D6},{i % 4 / 3},{20 + shift + i % 80},train\n"));

    private static async Task<JsonElement> Invoke(Dictionary<string, string> variables, string objectStoreRoot, IAmazonDynamoDB dynamoDb, string runId)
    {
        var payload = "{\"pipeline\":\"churn\",\"runId\":\"" + runId + "\",\"bucket\":\"" + Bucket + "\",\"featuresPrefix\":\"features/churn/run=" + runId + "/\"}";
        using (LambdaEnvironment.Use(variables, new StringWriter()))
        {
            await using var output = await new ValidateFeaturesFunction(LocalTaskServices.Create(objectStoreRoot, dynamoDb)).Handle(new MemoryStream(Encoding.UTF8.GetBytes(payload)));
            return (await JsonDocument.ParseAsync(output)).RootElement.Clone();
        }
    }

    [SkippableFact]
    public async Task An_accepted_run_stores_its_profile_and_the_next_run_drifts_against_it()
    {
        using var dynalite = DynaliteProcess.Start();
        Skip.If(dynalite is null, DynaliteProcess.MissingMessage);
        using var workspace = new TempDirectory();
        using var client = new AmazonDynamoDBClient(new BasicAWSCredentials("local", "local"),
            new AmazonDynamoDBConfig { ServiceURL = dynalite.Endpoint, AuthenticationRegion = "us-east-1" });
        await client.CreateTableAsync(new CreateTableRequest
        {
            TableName = Table,
            AttributeDefinitions = [new("pk", ScalarAttributeType.S), new("sk", ScalarAttributeType.S)],
            KeySchema = [new("pk", KeyType.HASH), new("sk", KeyType.RANGE)],
            BillingMode = BillingMode.PAY_PER_REQUEST,
        });
        foreach (var (run, shift) in new[] { ("r1", 0.0), ("r2", 60.0) })
        {
            var folder = Path.Combine(workspace.Path, Bucket, "features", "churn", $"run={run}", "table");
            Directory.CreateDirectory(folder);
            await File.WriteAllTextAsync(Path.Combine(folder, "part-00000.csv"), Rows(400, shift));
        }
        var variables = new Dictionary<string, string>
        {
            ["TABLE_NAME"] = Table,
            ["BUCKET_NAME"] = Bucket,
            ["PIPELINE_NAME"] = "churn",
            ["PIPELINE_CONFIG"] = PipelineConfig.Serialize(PipelineSpecs.Churn() with { ContractYaml = Contract }),
        };

        var first = await Invoke(variables, workspace.Path, client, "r1");
        // Everything the Lambda writes lands in its own partition: the pipeline's (PROFILE#ACCEPTED, CHAMPION, LOCK) stays empty.
        var pipelinePartition = await client.QueryAsync(new QueryRequest
        {
            TableName = Table, KeyConditionExpression = "pk = :pk", ExpressionAttributeValues = new() { [":pk"] = new AttributeValue("PIPELINE#churn") },
        });
        Assert.Empty(pipelinePartition.Items ?? []);
        // What the workflow's AcceptProfile does when r1's model is promoted: its profile becomes the accepted one.
        var candidate = (await client.GetItemAsync(Table, Key("PROFILE#r1", "PIPELINE#churn#VALIDATION"))).Item;
        candidate["pk"] = new AttributeValue("PIPELINE#churn");
        candidate["sk"] = new AttributeValue("PROFILE#ACCEPTED");
        await client.PutItemAsync(Table, candidate);
        var second = await Invoke(variables, workspace.Path, client, "r2");

        Assert.True(first.GetProperty("passed").GetBoolean(), first.GetProperty("summary").GetString());
        Assert.False(second.GetProperty("passed").GetBoolean());
        var drift = second.GetProperty("rules").EnumerateArray().Single(r => r.GetProperty("rule").GetString() == "drift:monthly_charges");
        Assert.Contains("vs run r1", drift.GetProperty("observed").GetString());
        var profile = await client.GetItemAsync(Table, Key("PROFILE#ACCEPTED"));
        Assert.Equal("r1", profile.Item["runId"].S);
        Assert.Equal("400", profile.Item["rowCount"].N);
        var failed = await client.GetItemAsync(Table, Key("VALIDATION#r2", "PIPELINE#churn#VALIDATION"));
        Assert.False(failed.Item["passed"].BOOL);
        Assert.Contains("drift:monthly_charges", failed.Item["outcome"].S);
        Assert.Equal("3", failed.Item["contractVersion"].S);
    }

    private static Dictionary<string, AttributeValue> Key(string sortKey, string partition = "PIPELINE#churn") => new()
    {
        ["pk"] = new() { S = partition },
        ["sk"] = new() { S = sortKey },
    };
}
