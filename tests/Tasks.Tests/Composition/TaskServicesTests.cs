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
    public void With_an_object_store_root_the_object_store_is_that_directory()
    {
        using var root = new TempDirectory();
        using (LambdaEnvironment.Use(Environment(("OBJECT_STORE_ROOT", root.Path), ("DYNAMODB_ENDPOINT", "http://127.0.0.1:1"))))
        {
            var services = TaskServices.FromEnvironment();

            var store = Assert.IsType<FileObjectStore>(services.ObjectStore);
            Assert.Equal(Path.GetFullPath(root.Path), store.Root);
            Assert.Equal("http://127.0.0.1:1/", services.DynamoDb.Config.ServiceURL);
        }
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
