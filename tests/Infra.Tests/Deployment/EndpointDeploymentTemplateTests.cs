using Amazon.CDK.Assertions;
using TrainingOrchestration.Infra.Tests.Support;

namespace TrainingOrchestration.Infra.Tests.Deployment;

/// <summary>
/// A deploying pipeline (<c>fraud</c>: CANARY 25 %, an extra alarm) gets the rollback alarms on its endpoint's variant and
/// a workflow role that may touch only its own endpoint and endpoint configurations; a pipeline with <c>deployment: none</c>
/// (<c>leads</c>) gets neither.
/// </summary>
[Collection(SynthesisCollection.Name)]
public class EndpointDeploymentTemplateTests(SynthesizedPipelines synthesized)
{
    private static readonly string[] EndpointActions =
        ["sagemaker:CreateEndpointConfig", "sagemaker:CreateEndpoint", "sagemaker:UpdateEndpoint", "sagemaker:DescribeEndpoint"];

    [Theory]
    [InlineData("fraud-endpoint-5xx-errors", "Invocation5XXErrors", "Sum", 0)]
    [InlineData("fraud-endpoint-model-latency", "ModelLatency", "Average", 200_000)]
    public void The_rollback_alarms_watch_the_endpoint_variant_in_AWS_SageMaker(string name, string metric, string statistic, double threshold)
    {
        synthesized.Templates[SynthesizedPipelines.Critical].HasResourceProperties("AWS::CloudWatch::Alarm", new Dictionary<string, object>
        {
            ["AlarmName"] = name,
            ["Namespace"] = "AWS/SageMaker",
            ["MetricName"] = metric,
            ["Statistic"] = statistic,
            ["Threshold"] = threshold,
            ["Period"] = 60,
            ["EvaluationPeriods"] = 1,
            ["ComparisonOperator"] = "GreaterThanThreshold",
            ["TreatMissingData"] = "notBreaching",
            ["Dimensions"] = Match.ArrayWith(new object[]
            {
                new Dictionary<string, object> { ["Name"] = "EndpointName", ["Value"] = "fraud-scoring" },
                new Dictionary<string, object> { ["Name"] = "VariantName", ["Value"] = "AllTraffic" },
            }),
        });
    }

    [Fact]
    public void The_workflow_may_deploy_only_to_its_own_endpoint_and_configurations()
    {
        var statements = PolicyStatements.Of(synthesized, SynthesizedPipelines.Critical)
            .Where(s => s.Actions.Intersect(EndpointActions).Any()).ToList();

        Assert.Equal(EndpointActions.Order(), statements.SelectMany(s => s.Actions).Intersect(EndpointActions).Order());
        foreach (var statement in statements)
        {
            Assert.DoesNotContain(statement.Resources, PolicyStatements.IsWildcard);
            Assert.All(statement.Resources, r => Assert.Matches(@"(endpoint/fraud-scoring|endpoint-config/fraud-\*)""", r!.ToJsonString()));
        }
        var describe = Assert.Single(statements, s => s.Actions.Contains("sagemaker:DescribeEndpoint"));
        Assert.All(describe.Resources, r => Assert.Contains("endpoint/fraud-scoring", r!.ToJsonString()));
        var createConfig = Assert.Single(statements, s => s.Actions.Contains("sagemaker:CreateEndpointConfig"));
        Assert.All(createConfig.Resources, r => Assert.Contains("endpoint-config/fraud-*", r!.ToJsonString()));
    }

    [Fact]
    public void The_workflow_may_read_exactly_the_alarms_the_rollback_watches()
    {
        var statement = Assert.Single(PolicyStatements.Of(synthesized, SynthesizedPipelines.Critical), s => s.Actions.Contains("cloudwatch:DescribeAlarms"));

        var alarms = statement.Resources.Select(r => r!.ToJsonString()).ToList();
        Assert.Equal(3, alarms.Count);
        Assert.Contains(alarms, a => a.Contains(":alarm:fraud-endpoint-5xx-errors", StringComparison.Ordinal));
        Assert.Contains(alarms, a => a.Contains(":alarm:fraud-endpoint-model-latency", StringComparison.Ordinal));
        Assert.Contains(alarms, a => a.Contains(":alarm:fraud-decline-rate", StringComparison.Ordinal));
    }

    [Fact]
    public void The_update_carries_the_blue_green_policy_and_the_rollback_alarms_of_the_spec()
    {
        var update = Definition.Of(synthesized, SynthesizedPipelines.Critical, "fraud-training").State("UpdateEndpoint");

        Assert.EndsWith(":states:::aws-sdk:sagemaker:updateEndpoint", update["Resource"]!.GetValue<string>());
        var config = update["Parameters"]!["DeploymentConfig"]!;
        var blueGreen = config["BlueGreenUpdatePolicy"]!;
        Assert.Equal("CANARY", blueGreen["TrafficRoutingConfiguration"]!["Type"]!.GetValue<string>());
        Assert.Equal(300, blueGreen["TrafficRoutingConfiguration"]!["WaitIntervalInSeconds"]!.GetValue<int>());
        Assert.Equal("CAPACITY_PERCENT", blueGreen["TrafficRoutingConfiguration"]!["CanarySize"]!["Type"]!.GetValue<string>());
        Assert.Equal(25, blueGreen["TrafficRoutingConfiguration"]!["CanarySize"]!["Value"]!.GetValue<int>());
        Assert.Equal(300, blueGreen["TerminationWaitInSeconds"]!.GetValue<int>());
        Assert.Equal(3600, blueGreen["MaximumExecutionTimeoutInSeconds"]!.GetValue<int>());
        Assert.Equal(["fraud-endpoint-5xx-errors", "fraud-endpoint-model-latency", "fraud-decline-rate"],
            config["AutoRollbackConfiguration"]!["Alarms"]!.AsArray().Select(a => a!["AlarmName"]!.GetValue<string>()));
    }

    [Fact]
    public void The_deployment_follows_the_promoted_event_and_ends_before_the_outcome_is_recorded()
    {
        var training = Definition.Of(synthesized, SynthesizedPipelines.Critical, "fraud-training");

        Assert.Equal("NameEndpointConfig", training.State("PublishModelPromoted")["Next"]!.GetValue<string>());
        Assert.Contains(training.State("PublishModelPromoted")["Catch"]!.AsArray(), c => c!["Next"]!.GetValue<string>() == "NameEndpointConfig");
        Assert.Equal("NotifyOutcome", training.State("RecordDeployment")["Next"]!.GetValue<string>());
        Assert.EndsWith(":states:::sagemaker:createEndpointConfig", training.State("CreateEndpointConfig")["Resource"]!.GetValue<string>());
        Assert.EndsWith(":states:::sagemaker:createEndpoint", training.State("CreateEndpoint")["Resource"]!.GetValue<string>());
        Assert.Equal("PublishModelRejected", training.State("RegisterRejectedModel")["Next"]!.GetValue<string>());
        Assert.Equal("NotifyOutcome", training.State("PublishModelRejected")["Next"]!.GetValue<string>());
    }

    [Fact]
    public void The_execution_timeout_leaves_room_for_the_longest_deployment()
    {
        var seconds = Definition.Of(synthesized, SynthesizedPipelines.Critical, "fraud-training").Root["TimeoutSeconds"]!.GetValue<int>();

        // fraud: spot maxWait 2h + 600 s for the training wait, 6 h for the rest, 61 one-minute polls + 600 s for the deployment.
        Assert.Equal(7200 + 600 + 21600 + 61 * 60 + 600, seconds);
    }

    [Fact]
    public void The_lambdas_configuration_leaves_the_deployment_out()
    {
        var configs = synthesized.Resources(SynthesizedPipelines.Critical, "AWS::Lambda::Function")
            .Select(f => f.Resource["Properties"]!["Environment"]?["Variables"]?["PIPELINE_CONFIG"]).OfType<System.Text.Json.Nodes.JsonNode>()
            .Select(c => c.ToJsonString()).ToList();

        Assert.NotEmpty(configs);
        Assert.All(configs, c => Assert.DoesNotContain("fraud-scoring", c, StringComparison.Ordinal));
    }

    [Fact]
    public void A_pipeline_without_deployment_has_no_deployment_states_alarms_or_grants()
    {
        var training = Definition.Of(synthesized, SynthesizedPipelines.Exploratory, "leads-training");

        Assert.DoesNotContain(training.States, s => s.Key is "NameEndpointConfig" or "CreateEndpointConfig" or "UpdateEndpoint" or "RecordDeployment");
        Assert.DoesNotContain(synthesized.Resources(SynthesizedPipelines.Exploratory, "AWS::CloudWatch::Alarm"),
            a => a.Resource["Properties"]!["Namespace"]?.GetValue<string>() == "AWS/SageMaker");
        Assert.DoesNotContain(PolicyStatements.Of(synthesized, SynthesizedPipelines.Exploratory), s => s.Actions.Intersect(EndpointActions).Any());
    }
}
