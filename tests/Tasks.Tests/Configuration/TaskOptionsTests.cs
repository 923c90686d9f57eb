using TrainingOrchestration.Tasks.Configuration;
using TrainingOrchestration.Tasks.Tests.Support;

namespace TrainingOrchestration.Tasks.Tests.Configuration;

public sealed class TaskOptionsTests
{
    private static Dictionary<string, string> Environment() => new()
    {
        ["TABLE_NAME"] = "churn-table",
        ["BUCKET_NAME"] = "churn-bucket",
        ["PIPELINE_NAME"] = "churn",
        ["PIPELINE_CONFIG"] = PipelineConfig.Serialize(PipelineSpecs.Churn()),
    };

    [Fact]
    public void Options_are_bound_from_the_variables_with_the_default_namespace()
    {
        var options = TaskOptions.FromVariables(Environment());

        Assert.Equal("churn-table", options.TableName);
        Assert.Equal("churn-bucket", options.BucketName);
        Assert.Equal("churn", options.Pipeline.Name);
        Assert.Equal(500, options.Pipeline.Cadence.MinChanges);
        Assert.Equal("TrainingOrchestration", options.MetricsNamespace);
    }

    [Fact]
    public void Every_missing_variable_is_named_in_one_error()
    {
        var error = Assert.Throws<TaskConfigurationException>(() => TaskOptions.FromVariables(new Dictionary<string, string>()));

        Assert.Equal(4, error.Problems.Count);
        Assert.Contains("TABLE_NAME", error.Message);
        Assert.Contains("BUCKET_NAME", error.Message);
        Assert.Contains("PIPELINE_NAME", error.Message);
        Assert.Contains("PIPELINE_CONFIG", error.Message);
    }

    [Fact]
    public void A_pipeline_config_that_is_not_json_is_reported_with_its_variable_name()
    {
        var variables = Environment();
        variables["PIPELINE_CONFIG"] = "{ not json";

        var error = Assert.Throws<TaskConfigurationException>(() => TaskOptions.FromVariables(variables));

        Assert.Contains("PIPELINE_CONFIG", Assert.Single(error.Problems));
    }

    [Fact]
    public void A_pipeline_config_for_another_pipeline_is_refused()
    {
        var variables = Environment();
        variables["PIPELINE_NAME"] = "other";

        var error = Assert.Throws<TaskConfigurationException>(() => TaskOptions.FromVariables(variables));

        Assert.Contains("'churn'", error.Message);
        Assert.Contains("'other'", error.Message);
    }

    [Fact]
    public void Options_bound_from_the_lambda_environment_follow_the_current_scope()
    {
        using (LambdaEnvironment.Use(Environment()))
        {
            Assert.Equal("churn-bucket", TaskOptions.FromEnvironment().BucketName);
        }
    }

    [Theory]
    [InlineData("DEBUG", Microsoft.Extensions.Logging.LogLevel.Debug)]
    [InlineData("warn", Microsoft.Extensions.Logging.LogLevel.Warning)]
    [InlineData("FATAL", Microsoft.Extensions.Logging.LogLevel.Critical)]
    [InlineData("LOUD", Microsoft.Extensions.Logging.LogLevel.Information)]
    public void The_log_level_follows_lambdas_logging_controls(string level, Microsoft.Extensions.Logging.LogLevel expected)
    {
        var variables = Environment();
        variables["AWS_LAMBDA_LOG_LEVEL"] = level;

        Assert.Equal(expected, TaskOptions.FromVariables(variables).LogLevel);
    }
}
