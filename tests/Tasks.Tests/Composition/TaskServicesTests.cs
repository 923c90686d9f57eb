using Amazon.DynamoDBv2;
using Amazon.Runtime;
using TrainingOrchestration.Tasks.Adapters;
using TrainingOrchestration.Tasks.Composition;
using TrainingOrchestration.Tasks.Configuration;
using TrainingOrchestration.Tasks.Tests.Support;

namespace TrainingOrchestration.Tasks.Tests.Composition;

public sealed class TaskServicesTests
{
    private static Dictionary<string, string> Environment(params (string Name, string Value)[] extra)
    {
        var variables = new Dictionary<string, string>
        {
            ["TABLE_NAME"] = "churn-table",
            ["BUCKET_NAME"] = "churn-bucket",
            ["PIPELINE_NAME"] = "churn",
            ["PIPELINE_CONFIG"] = PipelineConfig.Serialize(PipelineSpecs.Churn()),
            ["AWS_REGION"] = "eu-west-2",
        };
        foreach (var (name, value) in extra) variables[name] = value;
        return variables;
    }

    [Fact]
    public void On_lambda_the_object_store_is_s3_and_the_registry_is_dynamodb()
    {
        using (LambdaEnvironment.Use(Environment()))
        {
            var services = TaskServices.FromEnvironment();

            Assert.IsType<S3ObjectStore>(services.ObjectStore);
            Assert.IsType<DynamoDbModelRegistry>(services.ModelRegistry);
        }
    }

    [Fact]
    public void Variables_that_once_chose_local_adapters_no_longer_change_what_lambda_uses()
    {
        using (LambdaEnvironment.Use(Environment(("OBJECT_STORE_ROOT", "/tmp/s3"), ("DYNAMODB_ENDPOINT", "http://127.0.0.1:1"))))
        {
            var services = TaskServices.FromEnvironment();

            Assert.IsType<S3ObjectStore>(services.ObjectStore);
            Assert.Null(services.DynamoDb.Config.ServiceURL);
        }
    }

    [Fact]
    public void Ports_given_to_the_constructor_are_the_ones_the_handlers_use()
    {
        var store = new InMemoryObjectStore();
        using var dynamoDb = new AmazonDynamoDBClient(new BasicAWSCredentials("local", "local"),
            new AmazonDynamoDBConfig { ServiceURL = "http://127.0.0.1:1", AuthenticationRegion = "us-east-1" });
        var options = TaskOptions.FromVariables(Environment());

        var services = new TaskServices(options, TextWriter.Null, store, dynamoDb);

        Assert.Same(store, services.ObjectStore);
        Assert.Same(dynamoDb, services.DynamoDb);
        Assert.IsType<DynamoDbModelRegistry>(services.ModelRegistry);
    }

    [Fact]
    public void Log_lines_of_a_warm_handler_go_to_the_output_of_the_current_invocation()
    {
        TaskServices services;
        var first = new StringWriter();
        var second = new StringWriter();
        using (LambdaEnvironment.Use(Environment(), first))
        {
            services = TaskServices.FromEnvironment();
            services.Output.WriteLine("one");
        }
        using (LambdaEnvironment.Use(Environment(), second))
        {
            services.Output.WriteLine("two");
        }

        Assert.Equal("one", first.ToString().Trim());
        Assert.Equal("two", second.ToString().Trim());
    }
}
