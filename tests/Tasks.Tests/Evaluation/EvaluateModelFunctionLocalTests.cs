using TrainingOrchestration.LocalRuntime.Lambda;
using System.Text;
using System.Text.Json;
using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using Amazon.Runtime;
using TrainingOrchestration.Tasks.Configuration;
using TrainingOrchestration.Tasks.Evaluation;
using TrainingOrchestration.Tasks.Tests.Support;

namespace TrainingOrchestration.Tasks.Tests.Evaluation;

/// <summary>
/// The evaluation handler built as the local runtime builds it (<see cref="LocalTaskServices"/>, inside a scoped
/// environment) against a real DynamoDB-compatible server.
/// </summary>
public sealed class EvaluateModelFunctionLocalTests
{
    private const string Table = "churn-table";
    private const string Bucket = "churn-bucket";

    [SkippableFact]
    public async Task The_handler_reads_the_champion_and_writes_the_model_item_through_the_dynamodb_adapter()
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
        await client.PutItemAsync(Table, new Dictionary<string, AttributeValue>
        {
            ["pk"] = new() { S = "PIPELINE#churn" },
            ["sk"] = new() { S = "CHAMPION" },
            ["runId"] = new() { S = "20261101T0000-abcdef" },
            ["metrics"] = new() { S = """{"auc":0.9,"log_loss":0.3}""" },
            ["primaryMetric"] = new() { S = "auc" },
        });
        var predictions = Path.Combine(workspace.Path, Bucket, "reports", "churn", "run=r2", "predictions");
        Directory.CreateDirectory(predictions);
        await File.WriteAllTextAsync(Path.Combine(predictions, "part-00000.csv.out"), "0,0.1\n0,0.2\n1,0.8\n1,0.9\n");
        var variables = new Dictionary<string, string>
        {
            ["TABLE_NAME"] = Table,
            ["BUCKET_NAME"] = Bucket,
            ["PIPELINE_NAME"] = "churn",
            ["PIPELINE_CONFIG"] = PipelineConfig.Serialize(PipelineSpecs.Churn()),
        };
        const string payload = """
            {"pipeline":"churn","runId":"r2","bucket":"churn-bucket","predictionsPrefix":"reports/churn/run=r2/predictions/",
             "training":{"TrainingJobName":"churn-r2-r0","TrainingJobStatus":"Completed",
                         "ModelArtifacts":{"S3ModelArtifacts":"s3://churn-bucket/models/raw/churn/churn-r2-r0/output/model.tar.gz"}}}
            """;

        JsonElement result;
        using (LambdaEnvironment.Use(variables, new StringWriter()))
        {
            await using var output = await new EvaluateModelFunction(LocalTaskServices.Create(workspace.Path, client)).Handle(new MemoryStream(Encoding.UTF8.GetBytes(payload)));
            result = (await JsonDocument.ParseAsync(output)).RootElement.Clone();
        }

        // The payload names no champion scored on this split: the stored champion keeps its place.
        Assert.Equal("REJECT", result.GetProperty("decision").GetString());
        Assert.Equal("20261101T0000-abcdef", result.GetProperty("expectedChampionRunId").GetString());
        var model = await client.GetItemAsync(Table, new Dictionary<string, AttributeValue>
        {
            ["pk"] = new() { S = "PIPELINE#churn#MODEL" },
            ["sk"] = new() { S = "MODEL#r2" },
        });
        Assert.Equal("REJECTED", model.Item["status"].S);
        Assert.Equal("1", model.Item["metrics"].M["auc"].N);
        Assert.Equal("test-split", model.Item["metricsSource"].S);
    }
}
