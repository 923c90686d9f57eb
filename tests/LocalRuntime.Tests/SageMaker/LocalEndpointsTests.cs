using System.Text.Json.Nodes;
using TrainingOrchestration.Asl;
using TrainingOrchestration.LocalRuntime.SageMaker;
using TrainingOrchestration.LocalRuntime.SageMaker.Endpoints;
using TrainingOrchestration.TestSupport;

namespace TrainingOrchestration.LocalRuntime.Tests.SageMaker;

/// <summary>The local hosting API: AWS's errors, status on the virtual clock, blue/green traffic and the alarm rollback.</summary>
public sealed class LocalEndpointsTests : IDisposable
{
    private static readonly DateTimeOffset Start = new(2026, 11, 23, 13, 0, 0, TimeSpan.Zero);
    private readonly TempDirectory _root = new();
    private readonly VirtualClock _clock = new(Start, autoAdvance: false);
    private (string Alarm, DateTimeOffset At)? _alarm;

    public void Dispose() => _root.Dispose();

    private LocalEndpoints Endpoints() => new(Path.Combine(_root.Path, "endpoints.json"), new SageMakerLocalOptions(), _clock, model => model is "m1" or "m2")
    {
        Deployments = new BlueGreenDeployment(new EndpointTraffic(null), (_, from, to) => _alarm is { } a && a.At > from && a.At <= to ? a : null),
    };

    private static JsonObject Config(string name, string model, string variant = "AllTraffic") => new()
    {
        ["EndpointConfigName"] = name,
        ["ProductionVariants"] = new JsonArray(new JsonObject
        {
            ["VariantName"] = variant, ["ModelName"] = model, ["InstanceType"] = "ml.m5.large", ["InitialInstanceCount"] = 2, ["InitialVariantWeight"] = 1,
        }),
    };

    private static JsonObject Canary(int percent) => new()
    {
        ["BlueGreenUpdatePolicy"] = new JsonObject
        {
            ["TrafficRoutingConfiguration"] = new JsonObject
            {
                ["Type"] = "CANARY", ["WaitIntervalInSeconds"] = 300, ["CanarySize"] = new JsonObject { ["Type"] = "CAPACITY_PERCENT", ["Value"] = percent },
            },
            ["TerminationWaitInSeconds"] = 120,
            ["MaximumExecutionTimeoutInSeconds"] = 3600,
        },
        ["AutoRollbackConfiguration"] = new JsonObject { ["Alarms"] = new JsonArray(new JsonObject { ["AlarmName"] = "churn-endpoint-5xx-errors" }) },
    };

    private JsonObject InService(LocalEndpoints endpoints)
    {
        endpoints.CreateEndpointConfig(Config("c1", "m1"));
        endpoints.CreateEndpoint(new JsonObject { ["EndpointName"] = "churn-scoring", ["EndpointConfigName"] = "c1" });
        _clock.Advance(endpoints.Provisioning);
        return endpoints.DescribeEndpoint("churn-scoring");
    }

    [Fact]
    public void An_unknown_endpoint_is_a_validation_error_naming_its_arn()
    {
        var error = Assert.Throws<SageMakerServiceException>(() => Endpoints().DescribeEndpoint("churn-scoring"));

        Assert.Equal("ValidationException", error.ErrorCode);
        Assert.Equal("Could not find endpoint \"arn:aws:sagemaker:us-east-1:123456789012:endpoint/churn-scoring\".", error.Message);
    }

    [Fact]
    public void A_new_endpoint_is_Creating_until_its_fleet_is_up_then_InService()
    {
        var endpoints = Endpoints();
        endpoints.CreateEndpointConfig(Config("c1", "m1"));
        var arn = endpoints.CreateEndpoint(new JsonObject { ["EndpointName"] = "churn-scoring", ["EndpointConfigName"] = "c1" })["EndpointArn"].Text();

        Assert.Equal("Creating", endpoints.DescribeEndpoint("churn-scoring")["EndpointStatus"].Text());
        _clock.Advance(endpoints.Provisioning);
        var described = Endpoints().DescribeEndpoint("churn-scoring");
        Assert.Equal(("InService", "c1", arn), (described["EndpointStatus"].Text(), described["EndpointConfigName"].Text(), described["EndpointArn"].Text()));
        Assert.Equal("AllTraffic", described["ProductionVariants"]![0]!["VariantName"].Text());
    }

    [Theory]
    [InlineData("config twice", "Cannot create already existing endpoint configuration \"arn:aws:sagemaker:us-east-1:123456789012:endpoint-config/c1\".")]
    [InlineData("unknown model", "Could not find model \"arn:aws:sagemaker:us-east-1:123456789012:model/m9\".")]
    [InlineData("unknown config", "Could not find endpoint configuration \"arn:aws:sagemaker:us-east-1:123456789012:endpoint-config/c9\".")]
    [InlineData("endpoint twice", "Cannot create already existing endpoint \"arn:aws:sagemaker:us-east-1:123456789012:endpoint/churn-scoring\".")]
    [InlineData("update while creating", "Cannot update in-progress endpoint \"arn:aws:sagemaker:us-east-1:123456789012:endpoint/churn-scoring\".")]
    [InlineData("other variant", "same variant names")]
    public void Requests_SageMaker_refuses_are_refused_with_its_message(string case_, string message)
    {
        var endpoints = Endpoints();
        endpoints.CreateEndpointConfig(Config("c1", "m1"));
        endpoints.CreateEndpoint(new JsonObject { ["EndpointName"] = "churn-scoring", ["EndpointConfigName"] = "c1" });
        Action act = case_ switch
        {
            "config twice" => () => endpoints.CreateEndpointConfig(Config("c1", "m1")),
            "unknown model" => () => endpoints.CreateEndpointConfig(Config("c2", "m9")),
            "unknown config" => () => endpoints.CreateEndpoint(new JsonObject { ["EndpointName"] = "other", ["EndpointConfigName"] = "c9" }),
            "endpoint twice" => () => endpoints.CreateEndpoint(new JsonObject { ["EndpointName"] = "churn-scoring", ["EndpointConfigName"] = "c1" }),
            "update while creating" => () => endpoints.UpdateEndpoint(new JsonObject { ["EndpointName"] = "churn-scoring", ["EndpointConfigName"] = "c1" }),
            _ => () =>
            {
                _clock.Advance(endpoints.Provisioning);
                endpoints.CreateEndpointConfig(Config("c2", "m2", variant: "Blue"));
                endpoints.UpdateEndpoint(new JsonObject { ["EndpointName"] = "churn-scoring", ["EndpointConfigName"] = "c2" });
            },
        };

        var error = Assert.Throws<SageMakerServiceException>(act);

        Assert.Equal("ValidationException", error.ErrorCode);
        Assert.Contains(message, error.Message);
    }

    [Fact]
    public void A_canary_update_shifts_its_share_then_the_rest_and_is_InService_on_the_new_config_after_the_termination_wait()
    {
        var endpoints = Endpoints();
        InService(endpoints);
        endpoints.CreateEndpointConfig(Config("c2", "m2"));
        endpoints.UpdateEndpoint(new JsonObject { ["EndpointName"] = "churn-scoring", ["EndpointConfigName"] = "c2", ["DeploymentConfig"] = Canary(20) });

        _clock.Advance(endpoints.Provisioning + TimeSpan.FromMinutes(1));
        var shifting = endpoints.DescribeEndpoint("churn-scoring");
        Assert.Equal(("Updating", "c1"), (shifting["EndpointStatus"].Text(), shifting["EndpointConfigName"].Text()));
        Assert.Equal(0.2, shifting["PendingDeploymentSummary"]!["ProductionVariants"]![0]!["CurrentWeight"]!.GetValue<double>(), 3);
        Assert.Equal(0.8, shifting["ProductionVariants"]![0]!["CurrentWeight"]!.GetValue<double>(), 3);
        _clock.Advance(TimeSpan.FromMinutes(10));
        Assert.Equal("Updating", endpoints.DescribeEndpoint("churn-scoring")["EndpointStatus"].Text());
        _clock.Advance(TimeSpan.FromMinutes(1));
        var done = endpoints.DescribeEndpoint("churn-scoring");
        Assert.Equal(("InService", "c2"), (done["EndpointStatus"].Text(), done["EndpointConfigName"].Text()));
        Assert.Equal("CANARY", done["LastDeploymentConfig"]!["BlueGreenUpdatePolicy"]!["TrafficRoutingConfiguration"]!["Type"].Text());
        Assert.Null(done["PendingDeploymentSummary"]);
    }

    [Fact]
    public void An_alarm_in_ALARM_during_the_baking_rolls_back_to_the_old_config_with_the_reason()
    {
        var endpoints = Endpoints();
        InService(endpoints);
        endpoints.CreateEndpointConfig(Config("c2", "m2"));
        endpoints.UpdateEndpoint(new JsonObject { ["EndpointName"] = "churn-scoring", ["EndpointConfigName"] = "c2", ["DeploymentConfig"] = Canary(20) });
        _alarm = ("churn-endpoint-5xx-errors", _clock.UtcNow + endpoints.Provisioning + TimeSpan.FromMinutes(7));

        _clock.Advance(TimeSpan.FromMinutes(30));
        var described = endpoints.DescribeEndpoint("churn-scoring");

        Assert.Equal(("InService", "c1"), (described["EndpointStatus"].Text(), described["EndpointConfigName"].Text()));
        Assert.Contains("churn-endpoint-5xx-errors went into ALARM", described["FailureReason"].Text());
        Assert.Contains("100% of traffic on endpoint configuration c2", described["FailureReason"].Text());
        Assert.Equal([(20, "shift"), (100, "shift"), (0, "rollback")],
            endpoints.Inspect("churn-scoring")!["shifts"]!.AsArray().Where(s => s!["EndpointConfigName"].Text() == "c2")
                .Select(s => (s!["percent"]!.GetValue<int>(), s["kind"].Text())));
    }

    [Fact]
    public void Linear_steps_reach_all_traffic_in_equal_steps()
    {
        var timeline = BlueGreenTimeline.Of(JsonNode.Parse("""
            {"BlueGreenUpdatePolicy": {"TrafficRoutingConfiguration": {"Type": "LINEAR", "WaitIntervalInSeconds": 60,
              "LinearStepSize": {"Type": "CAPACITY_PERCENT", "Value": 30}}}}
            """)!.AsObject(), Start, TimeSpan.FromMinutes(4));

        Assert.Equal([30, 60, 90, 100], timeline.Shifts.Select(s => s.Percent));
        Assert.Equal(Start + TimeSpan.FromMinutes(8), timeline.BakedAt);
    }

    [Fact]
    public async Task The_SDK_integration_reports_a_missing_endpoint_as_SageMakerException_with_the_message_the_workflow_matches()
    {
        var service = new LocalSageMakerService(Directory.CreateDirectory(Path.Combine(_root.Path, "s3")).FullName, _ => Task.CompletedTask, _clock);
        var context = new TaskContext("arn:aws:states:us-east-1:123456789012:execution:churn-training:x",
            "arn:aws:states:us-east-1:123456789012:stateMachine:churn-training", "DescribeCurrentEndpoint", 0, _clock, null!);
        var request = new TaskRequest("arn:aws:states:::aws-sdk:sagemaker:describeEndpoint", "sagemaker", "describeEndpoint", IntegrationPattern.RequestResponse,
            true, new JsonObject { ["EndpointName"] = "churn-scoring" }, null, context);

        var error = await Assert.ThrowsAsync<TaskFailedException>(() => new SageMakerServiceIntegration(service).InvokeAsync(request, default));

        Assert.Equal("SageMaker.SageMakerException", error.Error);
        Assert.Contains("Could not find endpoint", error.Cause);
    }
}

file static class EndpointJson
{
    public static string Text(this JsonNode? node) => node?.GetValue<string>() ?? "";
}
